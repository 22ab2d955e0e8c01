namespace ActionAgent.Sites;

/// <summary>Finds the demo sites: the folders under <c>scenarios/sites</c>, one per site name.</summary>
public static class SiteCatalog
{
    /// <summary>The path, relative to the repository root, that holds the sites.</summary>
    public static readonly string SitesFolder = Path.Combine("scenarios", "sites");

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (by default the current directory), then from the
    /// application's base directory (an app deployed with its own <c>scenarios/sites</c>), to the first folder
    /// containing <c>scenarios/sites</c>, and returns that full path. When there is none (the installed <c>agent</c>
    /// tool outside a clone, a project that installed the packages), the demo sites embedded in this assembly, written
    /// out to the user's data folder.
    /// </summary>
    /// <returns>The full path of <c>scenarios/sites</c>, or null when none is found and none is embedded.</returns>
    public static string? FindSitesRoot(string? startDirectory = null)
    {
        IEnumerable<string> starts = [startDirectory ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SitesFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return BundledSites.SitesRoot;
    }

    /// <summary>The names of the sites under <paramref name="sitesRoot"/>, sorted ordinally.</summary>
    public static IReadOnlyList<string> List(string sitesRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(sitesRoot);
        if (!Directory.Exists(sitesRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(sitesRoot)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The full path of the site called <paramref name="name"/> (as in <c>site:NAME</c>).</summary>
    /// <exception cref="SiteNotFoundException">No such site; the message lists the known ones.</exception>
    public static string Resolve(string sitesRoot, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(sitesRoot);
        ArgumentNullException.ThrowIfNull(name);
        // A name is one folder: no separators or '..' that would reach outside the sites root.
        var isPlainName = name.Length > 0 && name != "." && name != ".."
            && name.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0;
        var path = Path.Combine(sitesRoot, name);
        if (isPlainName && Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        throw new SiteNotFoundException(name, sitesRoot, List(sitesRoot));
    }
}
