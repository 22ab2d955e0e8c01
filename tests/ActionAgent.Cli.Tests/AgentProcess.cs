using System.Diagnostics;
using System.Text;

namespace ActionAgent.Cli.Tests;

/// <summary>Runs the built <c>agent</c> command as a child process from the repository root.</summary>
internal static class AgentProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "agent.dll");

    public static Task<AgentResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null, Func<Process, Task>? whileRunning = null) =>
        RunAsync(AgentInfo([.. args], environment), timeout, whileRunning);

    /// <summary>Runs a process to its end with its output collected; killed (a <see cref="TimeoutException"/> with its output) after <paramref name="timeout"/>.</summary>
    public static async Task<AgentResult> RunAsync(ProcessStartInfo info, TimeSpan? timeout = null, Func<Process, Task>? whileRunning = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
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
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in time.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        process.WaitForExit();
        return new AgentResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the command with redirected input and output (the caller reads them).</summary>
    public static Process Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        Process.Start(AgentInfo(args, environment)) ?? throw new InvalidOperationException("could not start dotnet");

    /// <summary>
    /// How to start <paramref name="file"/> as the tests do: output redirected, no colours, a wide console (so no line
    /// the tests look for is wrapped), <paramref name="environment"/> on top.
    /// </summary>
    public static ProcessStartInfo Info(string file, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "400";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        return info;
    }

    private static ProcessStartInfo AgentInfo(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment) =>
        Info("dotnet", [AgentDll, .. args], RepositoryRoot, environment);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (ActionAgent.sln) was not found above the test output.");
    }
}

public sealed record AgentResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    /// <summary>The output with line breaks folded into spaces, for phrases a terminal might wrap.</summary>
    public string Flat => System.Text.RegularExpressions.Regex.Replace(Output, @" ?\r?\n ?", " ");

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
