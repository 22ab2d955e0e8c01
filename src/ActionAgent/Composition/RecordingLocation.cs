namespace ActionAgent.Composition;

/// <summary>Where a run's recording folder goes: <c>--record-to</c>, or <c>PARENT/NAME-STAMP</c> (<see cref="RecordingSettings.Folder"/>: <c>recordings/runs</c>).</summary>
internal static class RecordingLocation
{
    public static string For(string scenarioName, string? recordTo, TimeProvider time, string parent)
    {
        if (!string.IsNullOrWhiteSpace(recordTo)) return Path.GetFullPath(recordTo);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var safe = string.Concat(scenarioName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        var path = Path.GetFullPath(Path.Combine(parent, $"{safe}-{stamp}"));
        for (var n = 2; Directory.Exists(path); n++) path = Path.GetFullPath(Path.Combine(parent, $"{safe}-{stamp}-{n}"));
        return path;
    }

    /// <summary>Why a run cannot record into <paramref name="folder"/>: it is a file, or it already holds a recording (never overwritten).</summary>
    public static string? Problem(string folder)
    {
        if (File.Exists(folder)) return "is a file; a recording is a folder (choose a new folder name).";
        if (File.Exists(Path.Combine(folder, "recording.json")))
            return "already holds a recording; choose another folder or delete it first (a run never overwrites a recording).";
        return null;
    }
}
