using System.Diagnostics;
using System.Text;

namespace ActionAgent.Bench.Gym;

/// <summary>Runs the agent as a whole process, as a user would type it: <c>agent run --goal "…" --connect URL</c>.</summary>
internal sealed class AgentProcess(string agent, IReadOnlyList<string> extraArgs)
{
    /// <summary>The agent: the built Cli dll when there is one, else the <c>./agent</c> script at the repository root.</summary>
    public static string DefaultAgent(string repositoryRoot)
    {
        var dll = Path.Combine(repositoryRoot, "src", "ActionAgent.Cli", "bin", "Debug", "net10.0", "agent.dll");
        return File.Exists(dll) ? dll : Path.Combine(repositoryRoot, "agent");
    }

    public async Task<(int? ExitCode, bool TimedOut, string Output)> RunAsync(string goal, string cdpUrl, string recording, TimeSpan timeout)
    {
        var isDll = agent.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(isDll ? "dotnet" : agent)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (isDll) info.ArgumentList.Add(agent);
        // --approve: the harness answers "yes" where a person at the terminal would be asked to approve a step.
        foreach (var arg in new[] { "run", "--goal", goal, "--connect", cdpUrl, "--approve", "--record-to", recording }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            process.WaitForExit(); // drains the redirected streams
            lock (output) return (process.ExitCode, false, output.ToString());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) return (null, true, output.ToString());
        }
    }

    /// <summary>The run's reason line (the line after SUCCEEDED/FAILED …), or the last error line.</summary>
    public static string? Reason(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var status = lines.FindLastIndex(l => l.StartsWith("SUCCEEDED", StringComparison.Ordinal) || l.StartsWith("FAILED", StringComparison.Ordinal)
            || l.StartsWith("REFUSED", StringComparison.Ordinal) || l.StartsWith("CANCELLED", StringComparison.Ordinal));
        if (status >= 0 && status + 1 < lines.Count)
        {
            var next = lines[status + 1].Trim();
            if (next.Length > 0 && !next.StartsWith("Recording:", StringComparison.Ordinal) && !next.StartsWith('✓') && !next.StartsWith('✗')) return next;
        }
        // No reason printed (a success, or a failure without one): the last failed step's explanation says most.
        var failedStep = lines.FindLastIndex(l => l.Contains(" ✗ ", StringComparison.Ordinal));
        if (failedStep >= 0 && failedStep + 1 < lines.Count && lines[failedStep + 1].Trim() is { Length: > 0 } why && !why.StartsWith('↻'))
        {
            return "last failed step: " + why;
        }
        if (status >= 0) return null;
        return lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("exception", StringComparison.OrdinalIgnoreCase))?.Trim();
    }
}
