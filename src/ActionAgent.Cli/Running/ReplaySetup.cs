using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Sites;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The environment a replay needs: the recording's app served again (<c>site:NAME</c>) or <c>--base-url</c>, the URL
/// mapping from the recorded run to this one, and the secrets read from the environment variables the user declared.
/// </summary>
internal sealed class ReplaySetup : IAsyncDisposable
{
    private ReplaySetup(SecretVault secrets, ReplayUrls urls, string? startUrl, SiteHost? site)
    {
        Secrets = secrets;
        Urls = urls;
        StartUrl = startUrl;
        Site = site;
    }

    public SecretVault Secrets { get; }
    public ReplayUrls Urls { get; }
    public string? StartUrl { get; }
    public SiteHost? Site { get; }

    // secretSources: each secret's environment variable as the user declared it (--secret, --scenario); the recording's
    // own secretSources are never read. scenarioPath: the scenario named with --scenario, whose .env may give values.
    public static async Task<ReplaySetup> PrepareAsync(RecordingDocument recording, string recordingPath, string? baseUrl, string? query,
        IReadOnlyDictionary<string, string> secretSources, string? scenarioPath, CancellationToken cancellationToken)
    {
        var header = recording.Header;
        var recordingDirectory = Path.GetDirectoryName(recordingPath)!;
        var environment = SecretEnvironment.Beside(scenarioPath, recordingPath);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, variable) in secretSources)
        {
            if (environment.Get(variable) is { Length: > 0 } value) values[name] = value;
        }
        var extra = new Dictionary<string, string>(ReplayUrls.ParseQuery(query), StringComparer.Ordinal);

        SiteHost? site = null;
        string? start = header.StartUrl;
        if (baseUrl is not null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed)) throw new ArgumentException($"--base-url: \"{baseUrl}\" is not an absolute URL.");
            foreach (var (key, value) in ReplayUrls.ParseQuery(parsed.Query)) extra.TryAdd(key, value);
            var recordedPath = header.StartUrl is not null && Uri.TryCreate(header.StartUrl, UriKind.Absolute, out var recorded) ? recorded.PathAndQuery : "/";
            start = new Uri(new Uri(parsed.GetLeftPart(UriPartial.Authority)), recordedPath).ToString();
        }
        else if (header.AppStart is { } appStart && new BrowserAppSpec(appStart) is { SiteName: { } siteName } spec)
        {
            var sitesRoot = SiteCatalog.FindSitesRoot(recordingDirectory) ?? SiteCatalog.FindSitesRoot(Environment.CurrentDirectory)
                ?? throw new SiteNotFoundException($"No scenarios/sites folder was found above {recordingDirectory} or the current folder, so {appStart} cannot be served (or pass --base-url).");
            site = await SiteHost.StartAsync(SiteCatalog.Resolve(sitesRoot, siteName), 0, cancellationToken);
            start = site.Address(spec.SitePath.TrimStart('/')).ToString();
        }
        var urls = ReplayUrls.For(header.StartUrl, start, extra);
        return new ReplaySetup(new SecretVault(values), urls, start is null ? null : urls.Rewrite(start), site);
    }

    public async ValueTask DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
    }
}
