using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>A driver over a page the caller already has (a Playwright test's page).</summary>
public sealed partial class PlaywrightDriver
{
    /// <summary>
    /// Drives <paramref name="page"/>, which stays the caller's: disposing the driver removes the allow-list routes it
    /// added and closes nothing (no page, context, browser or Playwright instance).
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="options">The allow-list and trace (the browser settings do not apply: the browser is running).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The driver.</returns>
    public static async Task<PlaywrightDriver> ForPageAsync(IPage page, BrowserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        options ??= new BrowserOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        // Owns nothing: the Playwright instance and browser are the caller's and are never touched (hence null here).
        var driver = new PlaywrightDriver(null!, page.Context.Browser!, page.Context, page, options, ownsBrowser: false) { _ownsPlaywright = false, _callerOwnsDialogs = true };
        await driver.StartAsync().ConfigureAwait(false);
        return driver;
    }
}
