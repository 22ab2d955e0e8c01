using System.Diagnostics;
using System.Text;

namespace ActionAgent.Cli.Tests;

/// <summary>Runs the built <c>agent</c> command as a child process from the repository root.</summary>
internal sealed class AgentProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "agent.dll");

    public static async Task<AgentResult> RunAsync(IEnumerable<string> args, IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null, Func<Process, Task>? whileRunning = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AgentDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (whileRunning is not null) await whileRunning(process);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"agent {string.Join(' ', args)} did not finish in time.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        process.WaitForExit();
        return new AgentResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (ActionAgent.sln) was not found above the test output.");
    }
}

internal sealed record AgentResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
