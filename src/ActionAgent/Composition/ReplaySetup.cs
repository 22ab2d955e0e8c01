using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Sites;

namespace ActionAgent.Composition;

/// <summary>
/// The environment a replay needs: the recording's app served again (<c>site:NAME</c>) or <c>--base-url</c>, the URL
/// mapping from the recorded run to this one, and the secrets read from the environment variables the user declared.
/// </summary>
public sealed class ReplaySetup : IAsyncDisposable
{
    private readonly ServedApp? _app;

    private ReplaySetup(SecretVault secrets, ReplayUrls urls, string? startUrl, ServedApp? app)
    {
        Secrets = secrets;
        Urls = urls;
        StartUrl = startUrl;
        _app = app;
    }

    /// <summary>The secrets' values.</summary>
    public SecretVault Secrets { get; }

    /// <summary>How the recorded URLs map to this replay's.</summary>
    public ReplayUrls Urls { get; }

    /// <summary>Where the replay starts.</summary>
    public string? StartUrl { get; }

    /// <summary>The demo site served again, if any.</summary>
    public SiteHost? Site => _app?.Site;

    // secretSources: each secret's environment variable as the user declared it (--secret, --scenario); the recording's
    // own secretSources are never read. scenarioPath: the scenario named with --scenario, whose .env may give values.
    internal static async Task<ReplaySetup> PrepareAsync(RecordingDocument recording, string recordingPath, ReplaySetupRequest request, AgentOptions options,
        CancellationToken cancellationToken)
    {
        var header = recording.Header;
        var recordingDirectory = Path.GetDirectoryName(recordingPath)!;
        var environment = SecretEnvironment.Beside(options.SecretVariables, request.ScenarioPath, recordingPath);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, variable) in request.SecretSources)
        {
            if (environment.Get(variable) is { Length: > 0 } value) values[name] = value;
        }
        var extra = new Dictionary<string, string>(ReplayUrls.ParseQuery(request.Query), StringComparer.Ordinal);

        ServedApp? app = null;
        string? start = header.StartUrl;
        if (request.BaseUrl is { } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed)) throw new ArgumentException($"--base-url: \"{baseUrl}\" is not an absolute URL.");
            foreach (var (key, value) in ReplayUrls.ParseQuery(parsed.Query)) extra.TryAdd(key, value);
            var recordedPath = header.StartUrl is not null && Uri.TryCreate(header.StartUrl, UriKind.Absolute, out var recorded) ? recorded.PathAndQuery : "/";
            start = new Uri(new Uri(parsed.GetLeftPart(UriPartial.Authority)), recordedPath).ToString();
        }
        else if (header.AppStart is { } appStart && new BrowserAppSpec(appStart).SiteName is not null)
        {
            app = await ServedApp.StartAsync(appStart, options.SitesFolder, [recordingDirectory, Environment.CurrentDirectory], cancellationToken).ConfigureAwait(false);
            start = app.StartUrl;
        }
        var urls = ReplayUrls.For(header.StartUrl, start, extra);
        return new ReplaySetup(new SecretVault(values), urls, start is null ? null : urls.Rewrite(start), app);
    }

    /// <summary>Stops the demo site, if one is served.</summary>
    /// <returns>A task that completes when the site has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }
}
