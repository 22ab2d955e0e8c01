using Microsoft.Playwright;

namespace ActionAgent.Browser;

public sealed partial class PlaywrightDriver
{
    /// <summary>
    /// Opens a new, isolated context (its own cookies and storage) in a remote browser and acts in a new page of it:
    /// a Playwright browser server (<c>ws://host:port/…</c>, started with the Playwright driver's <c>run-server</c>) when
    /// <paramref name="cdp"/> is false, else a Chromium DevTools endpoint. Disposing closes the context and disconnects;
    /// the browser stays up for other runs.
    /// </summary>
    public static async Task<PlaywrightDriver> OpenContextAsync(Uri endpoint, bool cdp, BrowserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new BrowserOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = cdp
                ? await playwright.Chromium.ConnectOverCDPAsync(endpoint.ToString()).ConfigureAwait(false)
                : await playwright.Chromium.ConnectAsync(endpoint.ToString()).ConfigureAwait(false);
            return await InNewContextAsync(playwright, browser, options, ownsPlaywright: true).ConfigureAwait(false);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A driver in a new context of a browser someone else owns; disposing closes only the context.</summary>
    internal static async Task<PlaywrightDriver> InNewContextAsync(IPlaywright playwright, IBrowser browser, BrowserOptions options, bool ownsPlaywright)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
            BaseURL = options.BaseUrl?.ToString(),
        }).ConfigureAwait(false);
        try
        {
            var page = await context.NewPageAsync().ConfigureAwait(false);
            var driver = new PlaywrightDriver(playwright, browser, context, page, options, ownsBrowser: false) { _ownsContext = true, _ownsPlaywright = ownsPlaywright };
            await driver.StartAsync().ConfigureAwait(false);
            return driver;
        }
        catch
        {
            await context.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }
}
