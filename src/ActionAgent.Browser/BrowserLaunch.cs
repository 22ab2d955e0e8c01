using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>
/// Chromium being launched ahead of the page that will use it: the launch (Playwright's driver process, then the
/// browser) needs only the executable and its flags, while the page's allow-list waits for the app's address (a demo
/// site's free port). Start the launch, serve the app meanwhile, then <see cref="OpenAsync"/> the page. The driver
/// it returns owns the browser, exactly as one from <see cref="PlaywrightDriver.LaunchAsync"/>; disposing a launch
/// that was never opened closes its browser.
/// </summary>
public sealed class BrowserLaunch : IAsyncDisposable
{
    private readonly Task<(IPlaywright Playwright, IBrowser Browser, string Executable)> _launching;
    private bool _taken;

    private BrowserLaunch(Task<(IPlaywright, IBrowser, string)> launching) => _launching = launching;

    /// <summary>
    /// Starts launching Chromium (found by <see cref="BrowserLocator"/>) with <see cref="BrowserOptions.QuietArgs"/>; returns at once.
    /// A browser that cannot be found or started is reported by <see cref="OpenAsync"/>.
    /// </summary>
    /// <param name="options">The executable, flags and headedness; the allow-list and viewport are the page's, given to <see cref="OpenAsync"/>.</param>
    /// <returns>The launch under way.</returns>
    public static BrowserLaunch Start(BrowserOptions? options = null)
    {
        options ??= new BrowserOptions();
        options.Validate();
        return new BrowserLaunch(Task.Run(() => LaunchAsync(options)));
    }

    private static async Task<(IPlaywright, IBrowser, string)> LaunchAsync(BrowserOptions options)
    {
        var launch = options.LaunchOptions();
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(launch).ConfigureAwait(false);
            return (playwright, browser, launch.ExecutablePath!);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the launch and opens the page under <paramref name="options"/> (allow-list, viewport, trace).</summary>
    /// <param name="options">The page's options. The executable and flags were taken from the options given to <see cref="Start"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A driver that owns the browser: disposing it closes the browser.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium executable was found.</exception>
    /// <exception cref="InvalidOperationException">The launch was already opened.</exception>
    public async Task<PlaywrightDriver> OpenAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (_taken) throw new InvalidOperationException("This browser launch was already opened.");
        _taken = true;
        (IPlaywright Playwright, IBrowser Browser, string Executable) launched;
        try
        {
            launched = await _launching.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _taken = false; // a cancelled wait leaves the browser to DisposeAsync, which closes it
            throw;
        }
        var (playwright, browser, executable) = launched;
        try
        {
            return await PlaywrightDriver.InLaunchedBrowserAsync(playwright, browser, executable, options).ConfigureAwait(false);
        }
        catch
        {
            await browser.CloseAsync().ConfigureAwait(false);
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Closes the browser when the launch was never opened (the app failed to start, the run was cancelled).</summary>
    /// <returns>A task that completes when the browser is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_taken) return;
        _taken = true;
        try
        {
            var (playwright, browser, _) = await _launching.ConfigureAwait(false);
            await browser.CloseAsync().ConfigureAwait(false);
            playwright.Dispose();
        }
        catch (Exception e) when (e is BrowserNotFoundException or PlaywrightException or InvalidOperationException or IOException or TimeoutException)
        {
            // Nobody used this browser: a launch that failed has nothing to close, and its error belongs to no one.
        }
    }
}
