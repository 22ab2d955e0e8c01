namespace ActionAgent.Scheduling;

/// <summary>
/// A worker's secrets file (<c>--secrets FILE</c>): <c>NAME=VALUE</c> lines put into the worker's environment, where
/// scenarios' <c>secrets: { x: { env: NAME } }</c> read them. The file must belong to the user running the worker and
/// be unreadable by anyone else (mode 600), like an SSH key; the schedule store never holds a secret.
/// </summary>
public static class SecretsFile
{
    /// <summary>Loads the file into the process environment (a variable already set wins). Returns the names loaded.</summary>
    /// <exception cref="ScheduleException">The file is missing, not the user's, or readable by others.</exception>
    public static IReadOnlyList<string> Load(string path)
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
        var names = new List<string>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ScheduleException(ScheduleErrorKind.BadInput, $"{path}:{number}: expected NAME=VALUE.");
            var name = line[..eq].Trim();
            if (Environment.GetEnvironmentVariable(name) is null) Environment.SetEnvironmentVariable(name, line[(eq + 1)..].Trim().Trim('"', '\''));
            names.Add(name);
        }
        return names;
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
