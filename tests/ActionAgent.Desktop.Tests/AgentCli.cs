using ActionAgent.TestSupport;

namespace ActionAgent.Desktop.Tests;

/// <summary>
/// The built <c>agent</c> command in the tests' desktop session: the shared <see cref="AgentProcess"/> under the names
/// these tests call, plus a scenario copy the test can edit.
/// </summary>
internal static class AgentCli
{
    public static string RepositoryRoot => AgentProcess.RepositoryRoot;

    /// <summary>Runs <c>agent ARGS</c> to its end (3 minutes at most): the exit code, and standard output then standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var result = await AgentProcess.RunAsync(args, environment);
        return (result.ExitCode, result.Output);
    }

    /// <summary>A copy of a scenario in a temporary folder, with some text replaced (a path the test picks).</summary>
    public static string CopyScenario(string relativePath, params (string From, string To)[] replacements)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));
        foreach (var (from, to) in replacements)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        var folder = Directory.CreateTempSubdirectory("desktop-scenario-").FullName;
        var path = Path.Combine(folder, Path.GetFileName(relativePath));
        File.WriteAllText(path, text);
        return path;
    }
}
