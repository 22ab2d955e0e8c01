using System.Text.Json;
using ActionAgent.Browser;
using ActionAgent.Composition;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;
using Microsoft.Extensions.Logging;

namespace ActionAgent;

public sealed partial class Agent
{
    /// <summary>
    /// Replays a recording (its folder or <c>recording.json</c>) with no model at all, in a fresh page that becomes the
    /// current one: its <c>site:NAME</c> is served again, its secrets are not read (declare none), and its own
    /// allow-list can only narrow the user's. Writes report.html, junit.xml and replay.json.
    /// </summary>
    /// <param name="recording">The recording folder or file.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The replay's result.</returns>
    /// <exception cref="ArgumentException">The recording cannot be read or cannot be replayed as it is (the message says why).</exception>
    public Task<AgentReplayResult> ReplayAsync(string recording, CancellationToken cancellationToken = default) =>
        ReplayAsync(recording, new AgentReplayOptions(), cancellationToken);

    /// <summary>Replays a recording as <see cref="ReplayAsync(string, CancellationToken)"/> does, with the secrets, inputs and origin declared in <paramref name="options"/>.</summary>
    /// <param name="recording">The recording folder or file.</param>
    /// <param name="options">What the person replaying declares.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The replay's result.</returns>
    /// <exception cref="ArgumentException">The recording or a declaration cannot be read, or the recording cannot be replayed as it is.</exception>
    public async Task<AgentReplayResult> ReplayAsync(string recording, AgentReplayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recording);
        ArgumentNullException.ThrowIfNull(options);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var (document, path, error) = await RecordingFile.LoadAsync(recording, cancellationToken).ConfigureAwait(false);
            if (document is null) throw new ArgumentException(error, nameof(recording));
            if (Options.Recording.Trace && RunTrace.Refusal($"the recording {path}", document.Header.SecretNames) is { } refusal)
            {
                throw new ArgumentException(refusal, nameof(recording));
            }
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            if (options.ScenarioPath is { } scenarioPath)
            {
                var loaded = _composition.LoadScenario(scenarioPath, Core.Scenarios.SecretCheck.None);
                if (!loaded.Success) throw new ArgumentException(string.Join("; ", loaded.Errors), nameof(options));
                foreach (var (name, source) in loaded.Scenario!.Secrets) sources[name] = source.EnvironmentVariable;
            }
            foreach (var (name, variable) in options.Secrets) sources[name] = variable;
            var launch = StartBrowserLaunch();
            try
            {
                var setup = await _composition.PrepareReplayAsync(document, path, new ReplaySetupRequest
                {
                    BaseUrl = options.BaseUrl,
                    Query = options.Query,
                    SecretSources = sources,
                    ScenarioPath = options.ScenarioPath,
                }, cancellationToken).ConfigureAwait(false);
                await ReplaceAppAsync(setup).ConfigureAwait(false);
                return await ReplayOnNewPageAsync(document, path, setup, options, sources, launch, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (launch is not null) await launch.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AgentReplayResult> ReplayOnNewPageAsync(RecordingDocument document, string path, ReplaySetup setup, AgentReplayOptions options,
        Dictionary<string, string> sources, BrowserLaunch? launch, CancellationToken cancellationToken)
    {
        var allowList = _composition.AllowListFor(scenario: null, setup.StartUrl, document.Header.Policy.AllowDomains);
        var folder = _composition.RecordingFolderFor(document.Header.Name, Path.Combine(Options.Recording.ReplayFolder, FolderName(document.Header.Name)));
        var replayOptions = new ReplayOptions
        {
            SecretHosts = allowList,
            Parameters = options.Parameters,
            Secrets = setup.Secrets,
            SecretSources = sources,
            Urls = setup.Urls,
            Approvals = Options.Policy.Approvals,
            OutputDirectory = folder,
            LoggerFactory = _loggerFactory,
            Time = Options.Time,
        };
        var problems = ReplayEngine.Preflight(document, replayOptions);
        if (problems.Count > 0) throw new ArgumentException($"{path}: {string.Join("; ", problems)}", nameof(document));
        await OpenPageAsync(allowList, cancellationToken, launch).ConfigureAwait(false);
        _logger.LogInformation("Replay {Recording} ({Steps} steps) from {Start}", path, document.Steps.Count, setup.StartUrl);
        var driver = CurrentDriver();
        var trace = Options.Recording.Trace ? await RunTrace.StartAsync(driver.Page, folder, _logger).ConfigureAwait(false) : null;
        ReplayResult result;
        string? tracePath = null;
        try
        {
            result = await new ReplayEngine(driver, replayOptions).ReplayAsync(document, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (trace is not null) tracePath = await trace.StopAsync().ConfigureAwait(false);
        }
        await WriteReplayOutputsAsync(result, document, path, folder, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Replay {Recording} {Status}: {Heals} heals; {Reason}", path, result.Status.ToText(), result.HealCount, result.Reason);
        return new AgentReplayResult { Recording = path, OutputFolder = folder, TracePath = tracePath, Details = result };
    }

    private static async Task WriteReplayOutputsAsync(ReplayResult result, RecordingDocument document, string recordingPath, string folder,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await AtomicFile.WriteAsync(Path.Combine(folder, "replay.json"), (stream, token) => JsonSerializer.SerializeAsync(stream, result, RecordingJson.Options, token),
            cancellationToken).ConfigureAwait(false);
        // As agent replay writes it: the replay's screenshots attached ([[ATTACHMENT|path]]) for CI servers.
        await JUnitReportWriter.WriteAsync([JUnitSuite.FromReplay(result, folder)], "agent replay", Path.Combine(folder, "junit.xml"), cancellationToken).ConfigureAwait(false);
        var model = ReportModel.FromReplay(result, document, Path.GetDirectoryName(recordingPath)!, folder);
        await HtmlReportWriter.WriteAsync(model, Path.Combine(folder, "report.html"), ReportImages.Embed, cancellationToken).ConfigureAwait(false);
    }

    private string FolderName(string name)
    {
        var stamp = Options.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var folder = $"{name}-{stamp}";
        for (var n = 2; Directory.Exists(Path.Combine(Options.Recording.ReplayFolder, folder)); n++) folder = $"{name}-{stamp}-{n}";
        return folder;
    }
}
