using ActionAgent.Browser;
using ActionAgent.Sites;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>Both demo airline sites on loopback and one browser, shared by every booking in the class.</summary>
public sealed class DemoSitesFixture : IAsyncLifetime
{
    private readonly Dictionary<string, SiteHost> _hosts = new(StringComparer.Ordinal);

    public PlaywrightDriver Driver { get; private set; } = null!;

    public SiteHost Host(string site) => _hosts[site];

    public async Task InitializeAsync()
    {
        var root = SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!;
        foreach (var site in new[] { "skyfare", "jetway", "commands" })
        {
            _hosts[site] = await SiteHost.StartAsync(SiteCatalog.Resolve(root, site));
        }
        Driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
    }

    public async Task DisposeAsync()
    {
        await Driver.DisposeAsync();
        foreach (var host in _hosts.Values) await host.DisposeAsync();
    }
}

[CollectionDefinition("demo sites")]
public sealed class DemoSitesCollection : ICollectionFixture<DemoSitesFixture>;
