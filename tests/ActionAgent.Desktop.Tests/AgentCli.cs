using System.Diagnostics;

namespace ActionAgent.Desktop.Tests;

/// <summary>Runs the built <c>agent</c> command from the repository root, in the tests' desktop session.</summary>
internal static class AgentCli
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static Task<AgentResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, whileRunning: null, args);

    /// <summary>Runs the agent; <paramref name="whileRunning"/> is given the agent's process while it runs (to disturb its app).</summary>
    public static async Task<AgentResult> RunAsync(IReadOnlyDictionary<string, string?> environment, Func<Process, Task>? whileRunning, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agent.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "400";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            if (whileRunning is not null) await whileRunning(process).WaitAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"agent {string.Join(' ', args)} did not finish in time.");
        }
        return new AgentResult(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A copy of a scenario in a temporary folder, with some text replaced (a path the test picks).</summary>
    public static string CopyScenario(string relativePath, params (string From, string To)[] replacements) =>
        CopyScenario(Directory.CreateTempSubdirectory("desktop-scenario-").FullName, relativePath, replacements);

    /// <summary>A copy of a scenario in <paramref name="folder"/>, with some text replaced.</summary>
    public static string CopyScenario(string folder, string relativePath, params (string From, string To)[] replacements)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));
        foreach (var (from, to) in replacements)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        var path = Path.Combine(folder, Path.GetFileName(relativePath));
        File.WriteAllText(path, text);
        return path;
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
