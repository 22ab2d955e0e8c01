using System.Diagnostics;
using System.Text;

namespace ActionAgent.Cli.Tests;

/// <summary>Runs the built <c>agent</c> command as a separate process from the repository root.</summary>
public static class AgentCommand
{
    public static string Root { get; } = FindRoot();

    public static string AgentDll => Path.Combine(Root, "src", "ActionAgent.Cli", "bin", "Debug", "net10.0", "agent.dll");

    public static async Task<AgentRun> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, environment);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"agent {string.Join(' ', args)} did not finish in time. Output so far:\n{output}");
        }
        process.WaitForExit(); // flush the output readers
        lock (output) return new AgentRun(process.ExitCode, output.ToString());
    }

    public static Process Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AgentDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // A wide console so Spectre does not wrap the lines the tests look for.
        info.Environment["COLUMNS"] = "400";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (ActionAgent.sln) above " + AppContext.BaseDirectory);
    }
}

public sealed record AgentRun(int ExitCode, string Output)
{
    /// <summary>The output with the console's line wrapping undone (Spectre wraps at 80 columns when redirected).</summary>
    public string Flat => System.Text.RegularExpressions.Regex.Replace(Output, @" ?\r?\n ?", " ");

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
