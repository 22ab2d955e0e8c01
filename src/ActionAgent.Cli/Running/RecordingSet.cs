namespace ActionAgent.Cli.Running;

/// <summary>
/// The recordings one <c>agent replay</c> names: each argument is a recording (a folder holding recording.json, or the
/// file), or a folder of recordings (its immediate subfolders that hold recording.json, in name order). One recording
/// given alone replays as always; several, or any folder of recordings, make a set (one JUnit file, one index).
/// </summary>
internal static class RecordingSet
{
    public const string FileName = "recording.json";

    /// <summary>The recordings to replay (as given, or found in a folder), without repeats; <paramref name="isSet"/> when they are a set.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> arguments, out bool isSet)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        isSet = arguments.Count > 1 || arguments.Any(IsFolderOfRecordings);
        if (!isSet) return arguments;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recordings = new List<string>();
        foreach (var argument in arguments)
        {
            foreach (var recording in IsFolderOfRecordings(argument) ? RecordingsIn(argument) : [argument])
            {
                if (seen.Add(RecordingFile(recording))) recordings.Add(recording);
            }
        }
        return recordings;
    }

    /// <summary>
    /// A subfolder name for each recording's outputs inside the set's folder: the recording folder's name (the file's
    /// folder for a recording.json, the file's name without .json otherwise), with -2, -3… when two are alike.
    /// </summary>
    public static IReadOnlyList<string> OutputNames(IReadOnlyList<string> recordingFiles)
    {
        ArgumentNullException.ThrowIfNull(recordingFiles);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var file in recordingFiles)
        {
            var full = Path.GetFullPath(file);
            var stem = Path.GetFileName(full) == FileName ? Path.GetFileName(Path.GetDirectoryName(full)!) : Path.GetFileNameWithoutExtension(full);
            if (string.IsNullOrEmpty(stem)) stem = "recording";
            var name = stem;
            for (var n = 2; !used.Add(name); n++) name = $"{stem}-{n}";
            names.Add(name);
        }
        return names;
    }

    private static bool IsFolderOfRecordings(string path) =>
        Directory.Exists(path) && !File.Exists(Path.Combine(path, FileName)) && RecordingsIn(path).Count > 0;

    private static List<string> RecordingsIn(string folder) =>
        [.. Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, FileName))).Order(StringComparer.Ordinal)];

    private static string RecordingFile(string recording) =>
        Path.GetFullPath(Directory.Exists(recording) ? Path.Combine(recording, FileName) : recording);
}
