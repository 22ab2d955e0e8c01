namespace ActionAgent.Scheduling;

/// <summary>
/// A worker's secrets file (<c>--secrets FILE</c>): <c>NAME=VALUE</c> lines, where scenarios'
/// <c>secrets: { x: { env: NAME } }</c> read them after the worker's environment. The file must belong to the user
/// running the worker and be unreadable by anyone else (mode 600), like an SSH key; the schedule store never holds a secret.
/// </summary>
/// <remarks>
/// The values are returned, never written to the process environment: there they would reach every child process
/// (the browser, a site server, a desktop app) and every class that reads the environment. The worker hands them to
/// the runs' configuration binder as the source after the environment (a variable the environment sets wins).
/// </remarks>
public static class SecretsFile
{
    /// <summary>Reads the file's values by name (the first line that names a variable wins).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The values by variable name.</returns>
    /// <exception cref="ScheduleException">The file is missing, not the user's, or readable by others, or a line is not NAME=VALUE.</exception>
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        if (!File.Exists(path)) throw new ScheduleException(ScheduleErrorKind.Environment, $"--secrets: {path}: the file does not exist.");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new ScheduleException(ScheduleErrorKind.Environment, $"--secrets: {path}: the file is readable or writable by others; run chmod 600 {path}.");
            }
            var owner = UnixFileOwner(path);
            if (owner != CurrentUser()) throw new ScheduleException(ScheduleErrorKind.Environment, $"--secrets: {path}: the file belongs to another user.");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ScheduleException(ScheduleErrorKind.BadInput, $"{path}:{number}: expected NAME=VALUE.");
            var name = line[..eq].Trim();
            values.TryAdd(name, line[(eq + 1)..].Trim().Trim('"', '\''));
        }
        return values;
    }

    // .NET has no API for a file's owner; coreutils' stat is on every Linux machine a worker runs on.
    private static long UnixFileOwner(string path) => Stat(path);

    private static long CurrentUser() => Stat("/proc/self");

    private static long Stat(string path)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%u", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var uid) ? uid : -2;
    }
}
