using ActionAgent.Core.Scenarios;
using ActionAgent.Sites;

namespace ActionAgent.Composition;

/// <summary>
/// Where an app starts: a URL as given, or a demo site (<c>site:NAME/PATH</c>) served on loopback for as long as this
/// lives. The one place a run, a plan, a replay and a recording session serve a site.
/// </summary>
public sealed class ServedApp : IAsyncDisposable
{
    private ServedApp(string startUrl, SiteHost? site)
    {
        StartUrl = startUrl;
        Site = site;
    }

    /// <summary>The URL to open.</summary>
    public string StartUrl { get; }

    /// <summary>The demo site being served, when the start was <c>site:NAME</c>.</summary>
    public SiteHost? Site { get; }

    /// <summary>Serves <paramref name="appStart"/> when it is <c>site:NAME</c>; otherwise takes it as the URL.</summary>
    /// <param name="appStart">A URL or <c>site:NAME/PATH</c>.</param>
    /// <param name="sitesFolder">The demo sites' folder; null: the nearest <c>scenarios/sites</c> above a folder in <paramref name="searchFrom"/>.</param>
    /// <param name="searchFrom">Folders to look above, in order (the scenario's or recording's folder, the working directory).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The start URL and the site, if one is served.</returns>
    /// <exception cref="SiteNotFoundException">No demo sites folder, or no site of that name.</exception>
    public static async Task<ServedApp> StartAsync(string appStart, string? sitesFolder, IReadOnlyList<string> searchFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appStart);
        ArgumentNullException.ThrowIfNull(searchFrom);
        var spec = new BrowserAppSpec(appStart);
        if (spec.SiteName is not { } siteName) return new ServedApp(appStart, null);
        var root = sitesFolder ?? searchFrom.Select(folder => SiteCatalog.FindSitesRoot(folder)).FirstOrDefault(found => found is not null)
                   ?? throw new SiteNotFoundException(
                       $"No scenarios/sites folder was found above {string.Join(" or ", searchFrom)}, so {appStart} cannot be served.");
        var site = await SiteHost.StartAsync(SiteCatalog.Resolve(root, siteName), 0, cancellationToken).ConfigureAwait(false);
        return new ServedApp(site.Address(spec.SitePath.TrimStart('/')).ToString(), site);
    }

    /// <summary>Stops the site, if one is served.</summary>
    /// <returns>A task that completes when the site has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync().ConfigureAwait(false);
    }
}
