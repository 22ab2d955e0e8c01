namespace ActionAgent.Desktop;

/// <summary>
/// The policy's list of applications a run may launch or touch. An empty list allows only the app the scenario names;
/// names compare case-insensitively on the executable's file name (<c>/usr/bin/mousepad</c> is <c>mousepad</c>).
/// </summary>
public static class AppAllowList
{
    /// <summary>Whether <paramref name="app"/> may be launched or touched under <paramref name="allowed"/>.</summary>
    public static bool Allows(IReadOnlyList<string> allowed, string app)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Count == 0) return true;
        var name = Path.GetFileName(app.Trim());
        return allowed.Any(a => string.Equals(Path.GetFileName(a.Trim()), name, StringComparison.OrdinalIgnoreCase));
    }
}
