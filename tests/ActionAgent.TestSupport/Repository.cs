namespace ActionAgent.TestSupport;

/// <summary>Paths in the repository the tests run from (scenarios, recordings).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (ActionAgent.sln) was not found above the test binaries.");
    }
}
