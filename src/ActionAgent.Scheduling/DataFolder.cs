namespace ActionAgent.Scheduling;

/// <summary>
/// Where the scheduler keeps its embedded store, worker logs and recordings: <c>--data DIR</c>, else
/// <c>ACTIONAGENT_DATA</c>, else <c>$XDG_DATA_HOME/actionagent</c> (<c>~/.local/share/actionagent</c>). Created on first use.
/// </summary>
public static class DataFolder
{
    /// <summary>The data folder, created if it does not exist yet.</summary>
    /// <param name="option">The <c>--data</c> option, if given.</param>
    /// <param name="environment">Reads an environment variable (the process environment in the CLI).</param>
    public static string Resolve(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = !string.IsNullOrWhiteSpace(option) ? option
            : environment("ACTIONAGENT_DATA") is { Length: > 0 } fromEnv ? fromEnv
            : Path.Combine(environment("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "actionagent");
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        return full;
    }
}
