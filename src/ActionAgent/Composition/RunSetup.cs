using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Sites;

namespace ActionAgent.Composition;

/// <summary>The environment a run needs: its secrets' values, its start URL (a demo site served when asked).</summary>
public sealed class RunSetup : IAsyncDisposable
{
    private readonly ServedApp? _app;

    private RunSetup(SecretVault secrets, string? startUrl, ServedApp? app)
    {
        Secrets = secrets;
        StartUrl = startUrl;
        _app = app;
    }

    /// <summary>The secrets' values.</summary>
    public SecretVault Secrets { get; }

    /// <summary>The start URL (a demo site's loopback address when served); null when the scenario names no app.</summary>
    public string? StartUrl { get; }

    /// <summary>The demo site served for the run, if any.</summary>
    public SiteHost? Site => _app?.Site;

    internal static async Task<RunSetup> PrepareAsync(Scenario scenario, AgentOptions options, CancellationToken cancellationToken)
    {
        // Demo sites are looked for above the scenario file, or above the working directory for a goal run.
        var searchFrom = scenario.SourcePath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(scenario.SourcePath))!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = SecretEnvironment.Beside(options.SecretVariables, scenario.SourcePath);
        foreach (var (name, source) in scenario.Secrets)
        {
            var value = environment.Get(source.EnvironmentVariable);
            if (!string.IsNullOrEmpty(value)) values[name] = value;
        }
        var vault = new SecretVault(values);

        if (scenario.App.Browser?.Start is not { } start) return new RunSetup(vault, null, null);
        var app = await ServedApp.StartAsync(start, options.SitesFolder, [searchFrom], cancellationToken).ConfigureAwait(false);
        return new RunSetup(vault, app.StartUrl, app);
    }

    /// <summary>Stops the demo site, if one is served.</summary>
    /// <returns>A task that completes when the site has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }
}
