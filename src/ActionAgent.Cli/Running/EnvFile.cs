namespace ActionAgent.Cli.Running;

/// <summary>
/// Reads <c>KEY=VALUE</c> lines from a <c>.env</c> file beside a scenario into the process environment, without
/// overriding variables that are already set (so CI secrets win). Values never reach a log.
/// </summary>
internal static class EnvFile
{
    public static int LoadBeside(string scenarioPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!;
        var path = Path.Combine(directory, ".env");
        if (!File.Exists(path)) return 0;
        var loaded = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim().Trim('"', '\'');
            if (Environment.GetEnvironmentVariable(key) is not null) continue;
            Environment.SetEnvironmentVariable(key, value);
            loaded++;
        }
        return loaded;
    }
}
