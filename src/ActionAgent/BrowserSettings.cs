namespace ActionAgent;

/// <summary>The browser the agent drives.</summary>
public sealed class BrowserSettings
{
    /// <summary>Show the browser window (needs a display).</summary>
    /// <value>The default value is false (headless).</value>
    public bool Headed { get; set; }

    /// <summary>The Chromium executable.</summary>
    /// <value>The default value is null: <c>playwright.config.json</c>, <c>ACTIONAGENT_BROWSER</c>, then the usual install paths.</value>
    public string? ExecutablePath { get; set; }

    /// <summary>A running Chromium's CDP URL to attach to (its current tab is used and it stays open).</summary>
    /// <value>The default value is null: launch a browser.</value>
    public string? CdpEndpoint { get; set; }

    /// <summary>
    /// The variables the browser locator uses (<c>ACTIONAGENT_BROWSER</c>, <c>PLAYWRIGHT_BROWSERS_PATH</c>, the home
    /// folders of the ms-playwright cache), by name: <see cref="AgentConfiguration.FromEnvironment()"/> fills them from
    /// the process environment, so the browser library never reads it.
    /// </summary>
    /// <value>The default value is empty: the explicit path, <c>playwright.config.json</c>, then the usual install paths.</value>
    public IDictionary<string, string> LocatorVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The page width in pixels.</summary>
    /// <value>The default value is 1280.</value>
    public int ViewportWidth { get; set; } = 1280;

    /// <summary>The page height in pixels.</summary>
    /// <value>The default value is 800.</value>
    public int ViewportHeight { get; set; } = 800;

    /// <summary>
    /// Where files the pages download are saved (a relative path is taken from the current directory when the run
    /// starts; the folder is made at the first download).
    /// </summary>
    /// <value>The default value is <c>downloads</c>.</value>
    public string DownloadsFolder { get; set; } = "downloads";
}
