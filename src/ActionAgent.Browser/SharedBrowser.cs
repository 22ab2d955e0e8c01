using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>
/// One local Chromium shared by many runs (a scheduler worker's), each in its own context: isolated cookies and
/// storage, without a browser launch per run. Launched on first use; disposing closes the browser.
/// </summary>
public sealed class SharedBrowser : IAsyncDisposable
{
    private readonly BrowserOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Creates the (not yet launched) browser.</summary>
    public SharedBrowser(BrowserOptions? options = null)
    {
        _options = options ?? new BrowserOptions();
        _options.Validate();
    }

    /// <summary>A driver in a new context of the shared browser (launched now if it is not running).</summary>
    /// <exception cref="BrowserNotFoundException">No Chromium executable was found.</exception>
    public async Task<PlaywrightDriver> NewDriverAsync(BrowserOptions runOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        runOptions.Validate();
        var browser = await BrowserAsync(cancellationToken).ConfigureAwait(false);
        return await PlaywrightDriver.InNewContextAsync(_playwright!, browser, runOptions, ownsPlaywright: false).ConfigureAwait(false);
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            var launch = _options.LaunchOptions();
            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            _browser = await _playwright.Chromium.LaunchAsync(launch).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the browser.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync().ConfigureAwait(false);
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
