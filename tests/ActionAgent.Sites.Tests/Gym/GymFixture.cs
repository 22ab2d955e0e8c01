using ActionAgent.Browser;
using Microsoft.Playwright;

namespace ActionAgent.Sites.Tests.Gym;

/// <summary>One gym site host and one headless Chromium for a whole test class; each test opens its own page.</summary>
public sealed class GymFixture : IAsyncLifetime
{
    private PlaywrightDriver _driver = null!;

    public SiteHost Host { get; private set; } = null!;

    public GymManifest Manifest { get; } = GymManifest.Load();

    public async Task InitializeAsync()
    {
        Host = await SiteHost.StartAsync(GymManifest.SiteDirectory);
        _driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
    }

    public async Task DisposeAsync()
    {
        await _driver.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>Opens task <paramref name="id"/> for <paramref name="seed"/> in a new page; page errors are collected in <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(string id, int seed, List<string> errors)
    {
        var page = await _driver.Page.Context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add(message.Text);
        };
        page.SetDefaultTimeout(5000);
        await page.GotoAsync(Host.Address($"task.html?id={Uri.EscapeDataString(id)}&seed={seed}").ToString());
        await page.WaitForLoadStateAsync(LoadState.Load);
        return page;
    }
}
