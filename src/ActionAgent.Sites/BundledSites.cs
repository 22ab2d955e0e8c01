using System.Reflection;

namespace ActionAgent.Sites;

/// <summary>
/// The demo sites embedded in this assembly, written out once per build of it to a folder of the user's own, for a
/// process that has no <c>scenarios/sites</c> folder nearby (an app or test project that installed the packages).
/// </summary>
internal static class BundledSites
{
    private const string Prefix = "sites/";
    private static readonly Lazy<string?> Root = new(WriteOut, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The full path of the written-out <c>scenarios/sites</c>; null when the assembly carries no sites.</summary>
    public static string? SitesRoot => Root.Value;

    private static string? WriteOut()
    {
        var assembly = typeof(BundledSites).Assembly;
        var names = assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        if (names.Count == 0) return null;
        // The user's own data folder, not a shared temporary one another user could fill first. One folder per build of
        // the assembly (its module version id), so an upgrade never serves an older copy.
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(data)) data = Path.GetTempPath();
        var folder = Path.Combine(data, "ActionAgent", $"sites-{assembly.ManifestModule.ModuleVersionId:N}");
        var sites = Path.Combine(folder, SiteCatalog.SitesFolder);
        if (Directory.Exists(sites)) return sites;
        // Written beside it and moved in whole, so a process that sees the folder sees every file.
        var staging = $"{folder}.{Guid.NewGuid():N}";
        foreach (var name in names)
        {
            var relative = name[Prefix.Length..].Replace('\\', '/');
            var path = Path.GetFullPath(Path.Combine(staging, SiteCatalog.SitesFolder, relative));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(path);
            resource.CopyTo(file);
        }
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(sites))
        {
            Directory.Delete(staging, recursive: true); // another process wrote it out first
        }
        return sites;
    }
}
