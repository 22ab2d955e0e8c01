namespace ActionAgent.Browser;

/// <summary>
/// Finds a Chromium executable, in order: an explicit path, <c>browser.executablePath</c> of
/// <see cref="PlaywrightConfig"/>, the <see cref="EnvironmentVariable"/> variable, then well-known install paths
/// (system packages, snap, Chrome, the ms-playwright cache). Playwright's own browser download is never used.
/// For a headless run, Chromium's headless shell (<see cref="HeadlessShellPaths"/>; Debian's
/// <c>chromium-headless-shell</c>) comes before the well-known full browsers, as Playwright itself prefers it for
/// headless runs: it starts and draws faster. A headed run never gets a headless shell.
/// </summary>
/// <remarks>
/// The locator never reads the process environment: it is given the values of <see cref="VariableNames"/>, which the
/// composition root's binder (<c>AgentConfiguration</c>) reads once, under the same names, so users see no change.
/// </remarks>
/// <param name="fileExists">Whether a file exists (injected so tests can simulate any machine).</param>
/// <param name="environment">Reads one of <see cref="VariableNames"/> (bound by the caller; null when unset).</param>
/// <param name="subdirectories">Lists the subdirectories of a directory (empty when it does not exist).</param>
public sealed class BrowserLocator(
    Func<string, bool> fileExists,
    Func<string, string?> environment,
    Func<string, IEnumerable<string>> subdirectories)
{
    /// <summary>The environment variable that names a browser executable: <c>ACTIONAGENT_BROWSER</c>.</summary>
    public const string EnvironmentVariable = "ACTIONAGENT_BROWSER";

    /// <summary>System install paths probed in order.</summary>
    public static IReadOnlyList<string> WellKnownPaths { get; } =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
    ];

    /// <summary>
    /// Chromium's headless shell (the browser without its window code), probed before <see cref="WellKnownPaths"/>
    /// for a headless run only.
    /// </summary>
    public static IReadOnlyList<string> HeadlessShellPaths { get; } =
    [
        "/usr/bin/chromium-headless-shell",
    ];

    /// <summary>
    /// The variables the locator uses: <see cref="EnvironmentVariable"/>, <c>PLAYWRIGHT_BROWSERS_PATH</c>, and the home
    /// folders that hold the ms-playwright cache (<c>HOME</c>, <c>USERPROFILE</c>, <c>LOCALAPPDATA</c>).
    /// </summary>
    public static IReadOnlyList<string> VariableNames { get; } =
        [EnvironmentVariable, "PLAYWRIGHT_BROWSERS_PATH", "HOME", "USERPROFILE", "LOCALAPPDATA"];

    /// <summary>
    /// A locator over the real file system that is given no variable: an explicit path, the config file, then the
    /// well-known install paths. The composition root uses <see cref="WithVariables"/> with the variables it bound.
    /// </summary>
    public static BrowserLocator Default { get; } = WithVariables(static _ => null);

    /// <summary>A locator over the real file system with the values of <see cref="VariableNames"/> given by <paramref name="variables"/>.</summary>
    /// <param name="variables">Reads one of <see cref="VariableNames"/>; null when unset.</param>
    /// <returns>The locator.</returns>
    public static BrowserLocator WithVariables(Func<string, string?> variables) => new(
        File.Exists,
        variables ?? throw new ArgumentNullException(nameof(variables)),
        dir => Directory.Exists(dir) ? Directory.EnumerateDirectories(dir) : []);

    /// <summary>Finds a browser; throws <see cref="BrowserNotFoundException"/> with install advice when there is none.</summary>
    /// <param name="explicitPath">A path given by the caller; wins when set.</param>
    /// <param name="config">The config file's settings, when one was found.</param>
    /// <param name="headless">
    /// True for a headless run: a headless shell first (<see cref="HeadlessShellPaths"/>, then the full browsers).
    /// False for a headed run: never a headless shell, which cannot open a window. Null: any, full browsers first.
    /// A path given explicitly, by the config file or by <see cref="EnvironmentVariable"/> is taken as it is.
    /// </param>
    public string Locate(string? explicitPath = null, PlaywrightConfig? config = null, bool? headless = null)
    {
        var searched = new List<string>();
        foreach (var (source, path) in Candidates(explicitPath, config, headless))
        {
            searched.Add($"{source} ({path})");
            if (fileExists(path)) return path;
        }
        throw new BrowserNotFoundException(BrowserNotFoundException.BuildMessage(searched)) { Searched = searched };
    }

    /// <summary>Finds a browser; null when there is none.</summary>
    /// <param name="explicitPath">A path given by the caller; wins when set.</param>
    /// <param name="config">The config file's settings, when one was found.</param>
    /// <param name="headless">As for <see cref="Locate"/>.</param>
    public string? TryLocate(string? explicitPath = null, PlaywrightConfig? config = null, bool? headless = null) =>
        Candidates(explicitPath, config, headless).Select(c => c.Path).FirstOrDefault(fileExists);

    private IEnumerable<(string Source, string Path)> Candidates(string? explicitPath, PlaywrightConfig? config, bool? headless)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) yield return ("explicit option", explicitPath);
        var configured = config?.Browser.ExecutablePath;
        if (!string.IsNullOrWhiteSpace(configured)) yield return (config!.SourcePath ?? PlaywrightConfig.FileName, configured);
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) yield return (EnvironmentVariable, fromEnvironment);
        if (headless == true)
        {
            foreach (var path in HeadlessShellPaths) yield return ("well-known headless shell", path);
        }
        foreach (var path in WellKnownPaths) yield return ("well-known path", path);
        foreach (var cache in PlaywrightCacheDirectories())
        {
            // Newest first: directory names end in the revision number (chromium-1187, chromium_headless_shell-1187).
            foreach (var dir in subdirectories(cache).Order(StringComparer.Ordinal).Reverse())
            {
                var name = Path.GetFileName(dir);
                if (name.StartsWith("chromium_headless_shell-", StringComparison.Ordinal))
                {
                    if (headless == false) continue;
                    yield return ("ms-playwright cache", Path.Combine(dir, "chrome-linux", "headless_shell"));
                    yield return ("ms-playwright cache", Path.Combine(dir, "chrome-headless-shell-linux64", "chrome-headless-shell"));
                }
                else if (name.StartsWith("chromium-", StringComparison.Ordinal))
                {
                    yield return ("ms-playwright cache", Path.Combine(dir, "chrome-linux", "chrome"));
                    yield return ("ms-playwright cache", Path.Combine(dir, "chrome-linux64", "chrome"));
                }
            }
        }
    }

    private IEnumerable<string> PlaywrightCacheDirectories()
    {
        var custom = environment("PLAYWRIGHT_BROWSERS_PATH");
        if (!string.IsNullOrWhiteSpace(custom) && custom != "0") yield return custom;
        var home = environment("HOME") ?? environment("USERPROFILE");
        if (!string.IsNullOrWhiteSpace(home)) yield return Path.Combine(home, ".cache", "ms-playwright");
        var localAppData = environment("LOCALAPPDATA");
        if (!string.IsNullOrWhiteSpace(localAppData)) yield return Path.Combine(localAppData, "ms-playwright");
    }
}
