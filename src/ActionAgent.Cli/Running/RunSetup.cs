using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Sites;

namespace ActionAgent.Cli.Running;

/// <summary>The environment a run needs: its secrets' values, its start URL (a demo site served when asked).</summary>
internal sealed class RunSetup : IAsyncDisposable
{
    private RunSetup(SecretVault secrets, string? startUrl, SiteHost? site)
    {
        Secrets = secrets;
        StartUrl = startUrl;
        Site = site;
    }

    public SecretVault Secrets { get; }
    public string? StartUrl { get; }
    public SiteHost? Site { get; }

    public static async Task<RunSetup> PrepareAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        // Demo sites are looked for above the scenario file, or above the working directory for a --goal run.
        var searchFrom = scenario.SourcePath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(scenario.SourcePath))!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = SecretEnvironment.Beside(scenario.SourcePath);
        foreach (var (name, source) in scenario.Secrets)
        {
            var value = environment.Get(source.EnvironmentVariable);
            if (!string.IsNullOrEmpty(value)) values[name] = value;
        }
        var vault = new SecretVault(values);

        var browser = scenario.App.Browser;
        if (browser?.SiteName is not { } siteName)
        {
            return new RunSetup(vault, browser?.Start, null);
        }
        var sitesRoot = SiteCatalog.FindSitesRoot(searchFrom)
                        ?? throw new SiteNotFoundException($"No scenarios/sites folder was found above {searchFrom}, so site:{siteName} cannot be served.");
        var site = await SiteHost.StartAsync(SiteCatalog.Resolve(sitesRoot, siteName), 0, cancellationToken);
        return new RunSetup(vault, site.Address(browser.SitePath.TrimStart('/')).ToString(), site);
    }

    public async ValueTask DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
    }
}
