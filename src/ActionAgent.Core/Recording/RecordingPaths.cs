namespace ActionAgent.Core.Recording;

/// <summary>
/// Files a recording names (screenshots, crops) as paths relative to its folder. A recording may come from someone
/// else, so a path is only used when it stays inside the folder: not absolute (<c>/proc/self/environ</c>), no
/// <c>..</c> that climbs out (<c>../../../etc/hostname</c>), and no symbolic link that points outside.
/// </summary>
public static class RecordingPaths
{
    /// <summary>The full path of <paramref name="relative"/> inside <paramref name="recordingDirectory"/>, or null when it would leave the folder.</summary>
    public static string? Resolve(string recordingDirectory, string relative)
    {
        ArgumentNullException.ThrowIfNull(recordingDirectory);
        ArgumentNullException.ThrowIfNull(relative);
        return Problem(recordingDirectory, relative) is null ? Path.GetFullPath(Path.Combine(recordingDirectory, relative)) : null;
    }

    /// <summary>Why <paramref name="relative"/> is not a file inside <paramref name="recordingDirectory"/>; null when it is.</summary>
    public static string? Problem(string recordingDirectory, string relative)
    {
        ArgumentNullException.ThrowIfNull(recordingDirectory);
        ArgumentNullException.ThrowIfNull(relative);
        if (relative.Length == 0) return "is empty";
        if (relative.Contains('\0', StringComparison.Ordinal)) return "holds a NUL character";
        if (Path.IsPathRooted(relative) || relative.StartsWith('\\') || (relative.Length > 1 && relative[1] == ':')) return "is an absolute path; a recording names files relative to its folder";
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(recordingDirectory));
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return "leads outside the recording folder";
        try
        {
            return LinkProblem(root, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "is a symbolic link that cannot be resolved";
        }
    }

    private static string? LinkProblem(string root, string full)
    {
        var realRoot = RealPath(root);
        // Every link between the folder and the file must point back inside the folder.
        for (var current = full; current.Length > root.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null) return "is a broken symbolic link";
            var resolved = RealPath(target.FullName);
            if (!resolved.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return "is a symbolic link to a file outside the recording folder";
        }
        return null;
    }

    // The folder's own path with its links resolved (a recording folder reached through a link is still the folder).
    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parts = new List<string>();
        var current = full;
        while (Path.GetDirectoryName(current) is { } parent)
        {
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                parts.Reverse();
                return parts.Aggregate(RealPath(target.FullName), Path.Combine);
            }
            parts.Add(Path.GetFileName(current));
            current = parent;
        }
        parts.Reverse();
        return parts.Aggregate(current, Path.Combine);
    }
}
