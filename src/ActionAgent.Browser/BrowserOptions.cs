namespace ActionAgent.Browser;

/// <summary>How <see cref="PlaywrightDriver"/> launches or attaches to a browser and acts in it.</summary>
public sealed record BrowserOptions
{
    /// <summary>
    /// The flags every launch passes: no sandbox (containers), no GPU, no QUIC, and no first-run, background
    /// networking, component update or sync traffic, so a run talks only to the sites it automates.
    /// </summary>
    public static IReadOnlyList<string> QuietArgs { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The Chromium executable. <value>The default value is null: found by <see cref="BrowserLocator"/>.</value></summary>
    public string? ExecutablePath { get; init; }

    /// <summary>
    /// Whether to open a window (needs a display). <value>The default value is <c>false</c> (headless), unless
    /// <c>playwright.config.json</c> says <c>"headless": false</c>.</value>
    /// </summary>
    public bool Headed { get; init; }

    /// <summary>The viewport width in CSS pixels. <value>The default value is 1280.</value></summary>
    public int ViewportWidth { get; init; } = 1280;

    /// <summary>The viewport height in CSS pixels. <value>The default value is 800.</value></summary>
    public int ViewportHeight { get; init; } = 800;

    /// <summary>Extra Chromium flags, added after <see cref="QuietArgs"/> and the config file's args.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// Which hosts the page may reach. Navigation to another host fails with
    /// <c>NavigationFailed</c>, and the page's requests to it are aborted.
    /// <value>The default value is null: every host is allowed.</value>
    /// </summary>
    public Func<Uri, bool>? AllowedHosts { get; init; }

    /// <summary>
    /// The allow-list every request of the page is checked against (navigation, sub-resources, fetch/XHR, WebSockets,
    /// popups, iframes, downloads); see <see cref="Core.Policy.AllowList"/> for what an entry means. When both this and
    /// <see cref="AllowedHosts"/> are set, a request must pass both.
    /// <value>The default value is null: any http(s)/ws(s) host; other schemes only as <see cref="Core.Policy.AllowList"/> says.</value>
    /// </summary>
    public Core.Policy.AllowList? AllowList { get; init; }

    /// <summary>The one allow-list the driver enforces, from <see cref="AllowList"/> and <see cref="AllowedHosts"/>.</summary>
    public Core.Policy.AllowList EffectiveAllowList()
    {
        var list = AllowList ?? Core.Policy.AllowList.AnyHost;
        return AllowedHosts is { } hosts ? list.NarrowedBy(Core.Policy.AllowList.FromHostPredicate(hosts)) : list;
    }

    /// <summary>What relative <c>goto</c> URLs resolve against when the page is not on an http(s) URL yet.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>
    /// Where files the page downloads are saved, under a safe form of the name the page suggested (a name already there
    /// gets " (2)"). <value>The default value is null: Playwright keeps each file in a temporary folder that is deleted
    /// with the browser; the download is still listed on every observation.</value>
    /// </summary>
    public string? DownloadsPath { get; init; }

    /// <summary>When set, a Playwright trace (screenshots and DOM snapshots) is recorded and saved here on dispose.</summary>
    public string? TracePath { get; init; }

    /// <summary>
    /// Whether to read <c>playwright.config.json</c> from <see cref="ConfigDirectory"/> or its parents up to the
    /// repository root. <value>The default value is <c>true</c>.</value>
    /// </summary>
    public bool UseConfigFile { get; init; } = true;

    /// <summary>Where the config file search starts. <value>The default value is null: the current directory.</value></summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>The locator used to find the browser. <value>The default value is <see cref="BrowserLocator.Default"/>, which is given no environment variable; the agent's composition passes one with the variables its binder read.</value></summary>
    public BrowserLocator Locator { get; init; } = BrowserLocator.Default;

    /// <summary>Where waiting and polling get their time. <value>The default value is <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How Chromium is launched under these options: headless unless <see cref="Headed"/> or the config file says
    /// otherwise; the executable <see cref="Locator"/> finds for that headedness (a headless run prefers the headless
    /// shell); <see cref="QuietArgs"/>, then the config file's args, then <see cref="Args"/>. Reads the config file
    /// (<see cref="UseConfigFile"/>, <see cref="ConfigDirectory"/>) each time it is called.
    /// </summary>
    /// <returns>Options for <c>IBrowserType.LaunchAsync</c>.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium executable was found.</exception>
    public Microsoft.Playwright.BrowserTypeLaunchOptions LaunchOptions()
    {
        var config = UseConfigFile ? PlaywrightConfig.Find(ConfigDirectory) : null;
        var headless = !Headed && (config?.Browser.Headless ?? true);
        return new()
        {
            ExecutablePath = Locator.Locate(ExecutablePath, config, headless),
            Headless = headless,
            Args = [.. QuietArgs.Concat(config?.Browser.Args ?? []).Concat(Args).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> on a bad value.</summary>
    public void Validate()
    {
        if (ViewportWidth <= 0 || ViewportHeight <= 0)
        {
            throw new ArgumentException($"The viewport must be positive, got {ViewportWidth}x{ViewportHeight}.", nameof(ViewportWidth));
        }
        if (BaseUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"BaseUrl must be absolute, got {BaseUrl}.", nameof(BaseUrl));
        }
    }

    /// <summary>A policy that allows only the given host names (case-insensitive) and loopback addresses when asked.</summary>
    public static Func<Uri, bool> AllowOnly(IEnumerable<string> hosts, bool allowLoopback = false)
    {
        var set = new HashSet<string>(hosts, StringComparer.OrdinalIgnoreCase);
        return uri => set.Contains(uri.Host) || (allowLoopback && uri.IsLoopback);
    }
}
