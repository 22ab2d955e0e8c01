using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>
/// An <see cref="IUiDriver"/> over a Chromium page driven by Playwright. Create it with <see cref="LaunchAsync"/>
/// (a new headless browser) or <see cref="ConnectAsync"/> (an existing browser over CDP, acting in its current tab).
/// </summary>
public sealed partial class PlaywrightDriver : IUiDriver
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly BrowserOptions _options;
    private readonly bool _ownsBrowser;
    private bool _ownsContext;
    private bool _ownsPlaywright = true;
    private readonly TargetResolver _resolver;
    private bool _disposed;

    // The blank page this driver opened, before anything acted on it: nothing is on it to read.
    private bool _untouched;

    private PlaywrightDriver(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, BrowserOptions options, bool ownsBrowser)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        Page = page;
        _options = options;
        _ownsBrowser = ownsBrowser;
        _resolver = new TargetResolver(page, options.TimeProvider);
        _allowList = options.EffectiveAllowList();
    }

    /// <inheritdoc />
    public string Name => "browser";

    /// <summary>The page the driver acts in (for callers that need Playwright directly, such as tests).</summary>
    public IPage Page { get; }

    /// <summary>The executable launched, or null when attached over CDP.</summary>
    public string? ExecutablePath { get; private init; }

    /// <summary>
    /// Launches Chromium (found by <see cref="BrowserLocator"/>; Playwright's own download is not used) with
    /// <see cref="BrowserOptions.QuietArgs"/>, and opens one page.
    /// </summary>
    /// <exception cref="BrowserNotFoundException">No Chromium executable was found.</exception>
    public static async Task<PlaywrightDriver> LaunchAsync(BrowserOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BrowserOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var launch = BrowserLaunch.Start(options);
        await using (launch.ConfigureAwait(false))
        {
            return await launch.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A driver on a new page of a browser just launched for it: the driver owns the browser and Playwright.</summary>
    internal static async Task<PlaywrightDriver> InLaunchedBrowserAsync(IPlaywright playwright, IBrowser browser, string executable, BrowserOptions options)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
            BaseURL = options.BaseUrl?.ToString(),
        }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        var driver = new PlaywrightDriver(playwright, browser, context, page, options, ownsBrowser: true) { ExecutablePath = executable, _untouched = true };
        await driver.StartAsync().ConfigureAwait(false);
        return driver;
    }

    /// <summary>
    /// Attaches to a running Chromium over CDP (<c>http://127.0.0.1:9222</c> or a <c>ws://</c> URL) and acts in its
    /// current tab: the first page of the first context. Disposing disconnects and leaves the browser running.
    /// </summary>
    public static async Task<PlaywrightDriver> ConnectAsync(string cdpUrl, BrowserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cdpUrl);
        options ??= new BrowserOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.ConnectOverCDPAsync(cdpUrl).ConfigureAwait(false);
            var context = browser.Contexts.Count > 0 ? browser.Contexts[0] : await browser.NewContextAsync().ConfigureAwait(false);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync().ConfigureAwait(false);
            var driver = new PlaywrightDriver(playwright, browser, context, page, options, ownsBrowser: false);
            await driver.StartAsync().ConfigureAwait(false);
            return driver;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private async Task StartAsync()
    {
        if (!_callerOwnsDialogs) Page.Dialog += OnDialog;
        Page.Download += OnDownload;
        // The capture session opens beside the policy's routes: the first observation (before the first step) then
        // takes its picture the fast way, beside the tree, instead of opening the session on its way.
        await Task.WhenAll(EnforcePolicyAsync(), CaptureSessionAsync(), MeterDomChangesAsync()).ConfigureAwait(false);
        if (_options.TracePath is not null)
        {
            await _context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Sources = false }).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        // The blank page the driver opened, before any action: empty, so it is not read (reading it cost a first
        // injection of Playwright's page script into a document that is thrown away at the first goto).
        if (_untouched && !options.IncludeScreenshot && Page.Url == "about:blank")
        {
            return new UiObservation { Location = Page.Url, Viewport = await ViewportAsync().ConfigureAwait(false), Downloads = DownloadsSoFar() };
        }
        // Where the picture is taken the fast way (ScreenshotAsync), it is taken while the tree is read: Chromium encodes it
        // away from the page's main thread, where the tree is read, and what the capture does to the page first (masks
        // painted, caret hidden, animations at rest) changes nothing the tree holds. Playwright's own screenshot path
        // (frames, or a browser that gave no capture session) goes after the tree, as before.
        // With ScreenshotLater, a picture taken that way is not waited for: the caller gets it as PendingScreenshot.
        var together = options.IncludeScreenshot && _capture is not null && Page.Frames.Count == 1;
        var shot = together ? ScreenshotAsync(options.Masked ?? [], cancellationToken) : null;
        var read = ReadPageAsync();
        var later = shot is not null && options.ScreenshotLater;
        if (shot is not null && !later) await Task.WhenAll(shot, read).ConfigureAwait(false);
        var (snapshot, title, viewport, meter) = await read.ConfigureAwait(false);
        var screenshot = later ? null
            : shot is not null ? await shot.ConfigureAwait(false)
            : options.IncludeScreenshot ? await ScreenshotAsync(options.Masked ?? [], cancellationToken).ConfigureAwait(false)
            : null;
        return new UiObservation
        {
            Location = Page.Url,
            Title = title,
            SnapshotText = snapshot,
            Nodes = AriaSnapshotParser.Parse(snapshot),
            Screenshot = screenshot,
            PendingScreenshot = later ? shot : null,
            Viewport = viewport,
            DomChanges = meter,
            Downloads = DownloadsSoFar(),
        };
    }

    private async Task<(string Snapshot, string Title, (int Width, int Height) Viewport, DomChangeMeter? Meter)> ReadPageAsync()
    {
        // Three reads of the page sent at once (one round trip instead of three): none depends on another's answer.
        var tree = Page.AriaSnapshotAsync(new() { Mode = AriaSnapshotMode.Ai, Boxes = true });
        var probe = ProbeAsync();
        var title = Page.TitleAsync();
        await Task.WhenAll(tree, probe, title).ConfigureAwait(false);
        var snapshot = await NameFramesAsync(await tree.ConfigureAwait(false)).ConfigureAwait(false);
        var probed = await probe.ConfigureAwait(false);
        snapshot = WithProbe(snapshot, probed);
        // The meter reads the main document only: a page with frames shows what it cannot count.
        var meter = ReadMeter(probed);
        if (meter is not null && Page.Frames.Count > 1) meter = meter with { Opaque = true };
        return (snapshot, await title.ConfigureAwait(false), await ViewportAsync().ConfigureAwait(false), meter);
    }

    private async Task<(int Width, int Height)> ViewportAsync()
    {
        if (Page.ViewportSize is { } size) return (size.Width, size.Height);
        // Attached browsers have no emulated viewport: ask the page.
        var measured = await Page.EvaluateAsync<int[]>("() => [window.innerWidth, window.innerHeight]").ConfigureAwait(false);
        return (measured[0], measured[1]);
    }

    /// <summary>Saves the trace (when asked for), then closes a launched browser or disconnects from an attached one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_callerOwnsDialogs) Page.Dialog -= OnDialog;
        Page.Download -= OnDownload;
        try
        {
            await FinishDownloadsAsync().ConfigureAwait(false);
            if (_options.TracePath is { } tracePath)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(tracePath));
                if (directory is not null) Directory.CreateDirectory(directory);
                await _context.Tracing.StopAsync(new() { Path = tracePath }).ConfigureAwait(false);
            }
            if (_ownsBrowser)
            {
                await _browser.CloseAsync().ConfigureAwait(false);
            }
            else if (_ownsContext)
            {
                // A context opened in a remote browser for one run: closing it leaves the browser for the next run.
                await _context.CloseAsync().ConfigureAwait(false);
            }
            else
            {
                // A page that stays open (an attached browser's tab, a shared context): the capture session leaves it.
                // Closing the browser or the context above ends that session with everything else.
                await DetachCaptureAsync().ConfigureAwait(false);
                if (!_allowList.AllowsAnyHost) await _context.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors }).ConfigureAwait(false);
            }
        }
        finally
        {
            // For an attached browser this only drops the CDP connection; the browser and its tabs stay.
            if (_ownsPlaywright) _playwright.Dispose();
        }
    }
}
