using ActionAgent.TestSupport;

namespace ActionAgent.Desktop.Tests;

/// <summary>
/// The built <c>agent</c> command in the tests' desktop session: the shared <see cref="AgentProcess"/> under the names
/// these tests call, plus a scenario copy the test can edit.
/// </summary>
internal static class AgentCli
{
    public static string RepositoryRoot => AgentProcess.RepositoryRoot;

    public static Task<AgentResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, whileRunning: null, args);

    /// <summary>
    /// Runs <c>agent ARGS</c> to its end (3 minutes at most) through the shared <see cref="AgentProcess"/>;
    /// <paramref name="whileRunning"/> is given the agent's process while it runs (to disturb its app).
    /// </summary>
    public static async Task<AgentResult> RunAsync(IReadOnlyDictionary<string, string?> environment, Func<AgentProcess, Task>? whileRunning, params string[] args)
    {
        var result = await AgentProcess.RunAsync(args, environment, TimeSpan.FromMinutes(3), whileRunning);
        return new AgentResult(string.Join(' ', args), result.ExitCode, result.Stdout, result.Stderr);
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
}
