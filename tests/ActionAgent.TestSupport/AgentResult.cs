using System.Text.RegularExpressions;

namespace ActionAgent.TestSupport;

/// <summary>How a finished <c>agent</c> process ended: its exit code and what it wrote on each stream.</summary>
public sealed record AgentResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output, then standard error.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>The output with line breaks folded into spaces, for phrases a terminal might wrap.</summary>
    public string Flat => Regex.Replace(Output, @" ?\r?\n ?", " ");

    /// <summary><c>var (exitCode, output) = await AgentProcess.RunAsync(…)</c>, for tests that read both streams as one.</summary>
    public void Deconstruct(out int exitCode, out string output)
    {
        exitCode = ExitCode;
        output = Output;
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
