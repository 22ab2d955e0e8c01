using ActionAgent.Core.Replay;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ActionAgent.Testing;

/// <summary>
/// One test's agent: a fresh browser context and page of the fixture's browser, an <see cref="ActionAgent.Agent"/> over
/// that page, and the folder the test's runs, replays and trace go to. Made by <see cref="AgentFixture.StartTestAsync"/>;
/// dispose it at the end of the test (<c>await using</c>).
/// </summary>
/// <remarks>
/// On dispose it writes the test's folder, every report and the trace into the test's output. xUnit shows a test's
/// output when the test fails (the console logger prints it, a TRX file keeps it), so a failing test in CI names the
/// files to open. xUnit v2 does not tell a fixture whether the test passed, so a passing test's output (kept only in
/// the TRX file) holds the same lines.
/// </remarks>
public sealed class AgentTest : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly bool _trace;
    private bool _usedSecrets;
    private bool _disposed;

    internal AgentTest(string name, string folder, IBrowserContext context, IPage page, Agent agent, ITestOutputHelper output, bool trace)
    {
        Name = name;
        Folder = folder;
        Context = context;
        Page = page;
        Agent = agent;
        _output = output;
        _trace = trace;
    }

    /// <summary>The test's name.</summary>
    public string Name { get; }

    /// <summary>The test's results folder: <c>runs/</c> (each run's recording and report), <c>replays/</c> and <c>trace.zip</c>.</summary>
    public string Folder { get; }

    /// <summary>The test's own browser context (cookies and storage of no other test).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The test's page, which the agent acts on.</summary>
    public IPage Page { get; }

    /// <summary>The agent over <see cref="Page"/>: <c>RunAsync</c>, <c>DoAsync</c>, <c>ExpectAsync</c>, <c>ReplayAsync</c>.</summary>
    public Agent Agent { get; }

    /// <summary>The Playwright trace of the test's context, once the test is over; null when tracing is off or the trace was dropped.</summary>
    public string? TracePath { get; private set; }

    /// <summary>
    /// Replays a recording on the test's page (as <see cref="Agent.ReplayAsync(string, AgentReplayOptions, CancellationToken)"/>),
    /// noting whether it types secrets, whose trace the kit then does not keep.
    /// </summary>
    /// <param name="recording">The recording folder or its <c>recording.json</c>.</param>
    /// <param name="options">Where its secrets come from, changed inputs, another origin.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The replay's result, passed or not.</returns>
    /// <exception cref="ArgumentException">The recording cannot be read or replayed as it is.</exception>
    public async Task<AgentReplayResult> ReplayAsync(string recording, AgentReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recording);
        options ??= new AgentReplayOptions();
        var (document, _, _) = await RecordingFile.LoadAsync(recording, cancellationToken).ConfigureAwait(false);
        if (document is { Header.SecretNames.Count: > 0 } || options.Secrets.Count > 0 || options.ScenarioPath is not null) _usedSecrets = true;
        return await Agent.ReplayAsync(recording, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replays <paramref name="replay"/> (a case of <see cref="ReplayDataAttribute"/>) and asserts that it passed.</summary>
    /// <param name="replay">The recording and the scenario that declares its secrets.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The passing replay's result.</returns>
    /// <exception cref="ReplayFailedException">The replay failed; the message names the step, what it expected and what it saw.</exception>
    public async Task<AgentReplayResult> AssertReplayPassesAsync(ReplayCase replay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var result = await ReplayAsync(replay.RecordingPath, replay.ToOptions(), cancellationToken).ConfigureAwait(false);
        return ReplayAssert.Passed(result);
    }

    /// <summary>
    /// Closes the agent and the context, saves the trace, and writes the test's folder, reports and trace into the
    /// test's output.
    /// </summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await Agent.DisposeAsync().ConfigureAwait(false);
        var traceNote = "off";
        if (_trace)
        {
            // A trace holds what was typed, unmasked: a test that used secrets keeps its masked recordings only.
            if (_usedSecrets || await RunsUsedSecretsAsync().ConfigureAwait(false))
            {
                await Context.Tracing.StopAsync().ConfigureAwait(false);
                traceNote = "not kept: the test used secrets, and a trace does not mask them";
            }
            else
            {
                var path = Path.Combine(Folder, "trace.zip");
                await Context.Tracing.StopAsync(new() { Path = path }).ConfigureAwait(false);
                TracePath = path;
                traceNote = $"{path} (open with: playwright show-trace, or trace.playwright.dev)";
            }
        }
        await Context.CloseAsync().ConfigureAwait(false);
        WriteOutput(traceNote);
    }

    private void WriteOutput(string traceNote)
    {
        try
        {
            _output.WriteLine($"ActionAgent results of {Name}: {Folder}");
            foreach (var report in Reports()) _output.WriteLine($"  report: {report}");
            _output.WriteLine($"  trace: {traceNote}");
        }
        catch (InvalidOperationException)
        {
            // The output helper refuses writes once its test is over (an AgentTest disposed late); nothing to do.
        }
    }

    private IEnumerable<string> Reports()
    {
        foreach (var kind in new[] { "runs", "replays" })
        {
            var parent = Path.Combine(Folder, kind);
            if (!Directory.Exists(parent)) continue;
            foreach (var report in Directory.EnumerateFiles(parent, "report.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) yield return report;
        }
    }

    private async Task<bool> RunsUsedSecretsAsync()
    {
        var runs = Path.Combine(Folder, "runs");
        if (!Directory.Exists(runs)) return false;
        foreach (var file in Directory.EnumerateFiles(runs, "recording.json", SearchOption.AllDirectories))
        {
            // A recording header holds secret names, never values; one that cannot be read counts as using secrets.
            var (document, _, _) = await RecordingFile.LoadAsync(file, CancellationToken.None).ConfigureAwait(false);
            if (document is null || document.Header.SecretNames.Count > 0) return true;
        }
        return false;
    }
}
