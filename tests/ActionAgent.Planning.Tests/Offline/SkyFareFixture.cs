using ActionAgent.Browser;
using ActionAgent.Sites;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>One SkyFare host and one browser for every booking in the class.</summary>
public sealed class SkyFareFixture : IAsyncLifetime
{
    public SiteHost Host { get; private set; } = null!;

    public PlaywrightDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!;
        Host = await SiteHost.StartAsync(SiteCatalog.Resolve(root, "skyfare"));
        Driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
    }

    public async Task DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Host.DisposeAsync();
    }
}
