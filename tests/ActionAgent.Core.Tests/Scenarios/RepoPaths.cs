namespace ActionAgent.Core.Tests.Scenarios;

/// <summary>Finds files of the repository the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(Root, "schemas", "scenario.v1.schema.json");

    /// <summary>Every scenario file in the repo (runnable ones and examples), but not files of the demo sites.</summary>
    public static IEnumerable<string> ScenarioFiles =>
        Directory.EnumerateFiles(Path.Combine(Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Path.Combine(Root, "scenarios"), f).StartsWith("sites", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Cannot find the repository root (ActionAgent.sln) above " + AppContext.BaseDirectory);
    }
}
