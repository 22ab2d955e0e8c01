namespace ActionAgent.Cli.Running;

/// <summary>
/// Where a replay writes, checked before it starts: the <c>--out</c> folder must not already hold another replay's
/// outputs, and <c>--heal-out</c> must not name an existing recording — a replay never silently replaces earlier
/// results. (<c>--junit</c> and <c>--html</c> are files the user names for CI; they are replaced, atomically.)
/// </summary>
internal static class ReplayOutputs
{
    private static readonly string[] Outputs = ["replay.json", "junit.xml", "report.html"];

    public static string HealedPath(string healOut) =>
        healOut.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(healOut) : Path.Combine(Path.GetFullPath(healOut), "recording.json");

    public static string? Problem(string outFolder, string? healOut)
    {
        if (File.Exists(outFolder)) return $"--out {outFolder}: is a file; give a folder for the replay's outputs.";
        if (Outputs.FirstOrDefault(name => File.Exists(Path.Combine(outFolder, name))) is { } existing)
        {
            return $"--out {outFolder}: already holds a replay ({existing}); choose another folder or delete it first (a replay never overwrites earlier results).";
        }
        if (healOut is null) return null;
        var healed = HealedPath(healOut);
        if (File.Exists(healed)) return $"--heal-out {healOut}: {healed} already exists; choose another place or delete it first (the original recording is never touched).";
        if (!healOut.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.GetFullPath(healOut))) return $"--heal-out {healOut}: is a file; give a folder or a .json file name.";
        return null;
    }
}
