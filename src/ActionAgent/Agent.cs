using ActionAgent.Browser;
using ActionAgent.Composition;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent;

/// <summary>
/// The agent for test writers: run a goal from a start URL, do one more goal on the current page, check the screen
/// as an assertion, replay a recording. Each run and replay is recorded. Create it with <see cref="CreateAsync(Action{AgentOptions}?, CancellationToken)"/>
/// (it owns a browser, and each <see cref="RunAsync"/> or <see cref="ReplayAsync(string, CancellationToken)"/> opens a fresh page) or attach it to a page
/// you already have with <see cref="ForPageAsync"/>. Dispose it with <c>await using</c>.
/// </summary>
/// <example>
/// <code>
/// await using var agent = await Agent.CreateAsync(o => o.UseChromium().UseOfflinePlanner());
/// var run = await agent.RunAsync("search flights from London to Paris", "https://travel.example/");
/// await agent.ExpectAsync("flight results");
/// </code>
/// </example>
public sealed partial class Agent : IAsyncDisposable
{
    private readonly AgentComposition _composition;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SharedBrowser? _browser;
    private readonly IPage? _userPage;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Perception? _perception;
    private PlaywrightDriver? _driver;
    private IAsyncDisposable? _app; // the demo site served for the current page, kept for DoAsync after a run
    private bool _disposed;

    private Agent(AgentOptions options, SharedBrowser? browser, IPage? userPage)
    {
        _composition = new AgentComposition(options);
        _loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<Agent>();
        _browser = browser;
        _userPage = userPage;
    }

    /// <summary>The options the agent was composed from.</summary>
    public AgentOptions Options => _composition.Options;

    /// <summary>The page the agent acts on now (after a run, a replay, or the page given to <see cref="ForPageAsync"/>); null before the first run.</summary>
    public IPage? Page => _driver?.Page;

    /// <summary>Creates an agent that launches its own Chromium (lazily, on the first run).</summary>
    /// <param name="configure">Sets the options in code, e.g. <c>o => o.UseChromium().UseOfflinePlanner()</c>.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The agent.</returns>
    public static Task<Agent> CreateAsync(Action<AgentOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new AgentOptions();
        configure?.Invoke(options);
        return CreateAsync(options, cancellationToken);
    }

    /// <summary>Creates an agent from options bound elsewhere (<see cref="AgentConfiguration"/>, <see cref="AgentFactory"/>).</summary>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The agent.</returns>
    public static Task<Agent> CreateAsync(AgentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var composition = new AgentComposition(options);
        var browser = options.Browser.CdpEndpoint is null ? new SharedBrowser(composition.BrowserOptionsFor(AllowList.AnyHost)) : null;
        return Task.FromResult(new Agent(options, browser, userPage: null));
    }

    /// <summary>
    /// Creates an agent that acts on <paramref name="page"/>, which stays yours (nothing is closed on dispose). Its
    /// allow-list is <see cref="PolicySettings.AllowDomains"/>, else the page's current host, else any host; a run's
    /// start URL must be allowed by it.
    /// </summary>
    /// <param name="page">A Playwright page, e.g. a <c>PageTest</c>'s.</param>
    /// <param name="configure">Sets the options in code (the browser settings do not apply).</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The agent.</returns>
    /// <remarks>Asynchronous (it installs the allow-list on the page's context), hence the <c>Async</c> suffix.</remarks>
    public static async Task<Agent> ForPageAsync(IPage page, Action<AgentOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var options = new AgentOptions();
        configure?.Invoke(options);
        var agent = new Agent(options, browser: null, page);
        var current = Uri.TryCreate(page.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? page.Url : null;
        agent._driver = await PlaywrightDriver.ForPageAsync(page, agent._composition.BrowserOptionsFor(agent._composition.AllowListFor(null, current)),
            cancellationToken).ConfigureAwait(false);
        return agent;
    }

    /// <summary>
    /// Carries out <paramref name="goal"/> from <paramref name="startUrl"/> (a URL, or <c>site:NAME</c> to serve a demo
    /// site) in a fresh page and records it. The result says whether it succeeded as observed on the screen.
    /// </summary>
    /// <param name="goal">The goal in plain words.</param>
    /// <param name="startUrl">Where to start.</param>
    /// <param name="cancellationToken">Cancels the run (it still leaves its recording).</param>
    /// <returns>The run's result.</returns>
    /// <exception cref="ArgumentException">No planner can be made from the options (the message says why).</exception>
    /// <exception cref="Sites.SiteNotFoundException">The demo site cannot be found.</exception>
    /// <exception cref="BrowserNotFoundException">No Chromium was found.</exception>
    public async Task<AgentRunResult> RunAsync(string goal, string startUrl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goal);
        ArgumentException.ThrowIfNullOrWhiteSpace(startUrl);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var scenario = new Scenario { Name = NameOf(goal), Goal = goal, App = new AppSpec { Browser = new BrowserAppSpec(startUrl) } };
            var app = await ServedApp.StartAsync(startUrl, Options.SitesFolder, [Environment.CurrentDirectory], cancellationToken).ConfigureAwait(false);
            await ReplaceAppAsync(app).ConfigureAwait(false);
            await OpenPageAsync(_composition.AllowListFor(scenario, app.StartUrl), cancellationToken).ConfigureAwait(false);
            return await RunOnPageAsync(scenario, app.StartUrl, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Carries out a scenario file (its goal or steps, inputs, secrets, policy and expectations) in a fresh page and
    /// records it. Its secrets' variables are read through <see cref="AgentOptions.SecretVariables"/>, then the
    /// <c>.env</c> beside it.
    /// </summary>
    /// <param name="scenarioPath">The scenario (YAML).</param>
    /// <param name="cancellationToken">Cancels the run (it still leaves its recording).</param>
    /// <returns>The run's result.</returns>
    /// <exception cref="ArgumentException">The scenario cannot be read (the message names file, line and field), or no planner can be made.</exception>
    public async Task<AgentRunResult> RunScenarioAsync(string scenarioPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioPath);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var loaded = _composition.LoadScenario(scenarioPath, SecretCheck.Error);
            if (!loaded.Success) throw new ArgumentException(string.Join(Environment.NewLine, loaded.Errors), nameof(scenarioPath));
            var scenario = loaded.Scenario!;
            if (Options.Recording.Trace && RunTrace.Refusal($"the scenario {scenarioPath}", scenario.Secrets.Keys) is { } refusal)
            {
                throw new ArgumentException(refusal, nameof(scenarioPath));
            }
            var launch = StartBrowserLaunch();
            RunSetup setup;
            try
            {
                setup = await _composition.PrepareRunAsync(scenario, cancellationToken).ConfigureAwait(false);
                await ReplaceAppAsync(setup).ConfigureAwait(false);
                await OpenPageAsync(_composition.AllowListFor(scenario, setup.StartUrl), cancellationToken, launch).ConfigureAwait(false);
            }
            finally
            {
                if (launch is not null) await launch.DisposeAsync().ConfigureAwait(false);
            }
            return await RunOnPageAsync(scenario, setup.StartUrl, cancellationToken, setup.Secrets).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Carries out one more goal on the current page (after <see cref="RunAsync"/>, or on the page given to <see cref="ForPageAsync"/>).</summary>
    /// <param name="goal">The goal in plain words, e.g. <c>click Search</c>.</param>
    /// <param name="cancellationToken">Cancels the run (it still leaves its recording).</param>
    /// <returns>The run's result.</returns>
    /// <exception cref="InvalidOperationException">There is no current page yet.</exception>
    public async Task<AgentRunResult> DoAsync(string goal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goal);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _ = CurrentDriver();
            var scenario = new Scenario { Name = NameOf(goal), Goal = goal, App = new AppSpec { Browser = new BrowserAppSpec("about:blank") } };
            return await RunOnPageAsync(scenario, startUrl: null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Asks the screen check whether the current page shows <paramref name="expectation"/>; never throws for a failed check.</summary>
    /// <param name="expectation">What should be on screen, in words (e.g. <c>a confirmation page with a booking reference</c>).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The verdict with what was seen.</returns>
    /// <exception cref="InvalidOperationException">There is no current page, or vision is off.</exception>
    public async Task<ExpectationResult> CheckAsync(string expectation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expectation);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var driver = CurrentDriver();
            var verifier = Perception().Vision?.Verifier
                           ?? throw new InvalidOperationException("The screen check is off (WithoutVision); an expectation cannot be checked.");
            var observation = await driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), cancellationToken).ConfigureAwait(false);
            var step = new PlanStep { Action = ActionKind.Assert, Description = expectation };
            var verdict = await verifier.VerifyAsync(new ScreenCheck(step, expectation, observation, observation), cancellationToken).ConfigureAwait(false);
            var result = new ExpectationResult
            {
                Expectation = expectation,
                Outcome = verdict.Outcome,
                Confidence = verdict.Confidence,
                Reason = verdict.Reason,
                Backend = verdict.Backend,
                Evidence = verdict.Evidence,
                Location = observation.Location,
            };
            _logger.LogInformation("Expectation {Expectation}: {Outcome} ({Confidence:0.00}) at {Location}", expectation, verdict.Outcome, verdict.Confidence,
                observation.Location);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The screen check as an assertion: passes only when the check says the current page shows
    /// <paramref name="expectation"/>; a failed or unsure check throws with what it saw.
    /// </summary>
    /// <param name="expectation">What should be on screen, in words.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The passing verdict.</returns>
    /// <exception cref="ExpectationFailedException">The screen does not show it, or the check cannot tell.</exception>
    public async Task<ExpectationResult> ExpectAsync(string expectation, CancellationToken cancellationToken = default)
    {
        var result = await CheckAsync(expectation, cancellationToken).ConfigureAwait(false);
        return result.Passed ? result : throw new ExpectationFailedException(result);
    }

    /// <summary>Closes the agent's browser and stops its demo site; a page given to <see cref="ForPageAsync"/> stays open.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_driver is not null) await _driver.DisposeAsync().ConfigureAwait(false);
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
        if (_browser is not null) await _browser.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<AgentRunResult> RunOnPageAsync(Scenario scenario, string? startUrl, CancellationToken cancellationToken, SecretVault? secrets = null)
    {
        var perception = Perception();
        var planner = _composition.CreatePlanner(scenario, perception, out var error) ?? throw new ArgumentException(error ?? "No planner could be chosen.");
        var folder = _composition.RecordingFolderFor(scenario.Name);
        var writer = new RecordingWriter(folder) { Secrets = secrets ?? SecretVault.Empty };
        var services = _composition.CreateEngineServices(perception, _loggerFactory);
        _logger.LogInformation("Run {Goal} with {Planner}, recording to {Folder}", scenario.Goal, planner.Name, folder);
        var driver = CurrentDriver();
        var trace = Options.Recording.Trace ? await RunTrace.StartAsync(driver.Page, folder, _logger).ConfigureAwait(false) : null;
        RunResult result;
        string? tracePath = null;
        try
        {
            result = await AgentComposition.RunAsync(driver, planner, writer, services, new RunRequest { Scenario = scenario, StartUrl = startUrl, Secrets = secrets ?? SecretVault.Empty },
                folder, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (trace is not null) tracePath = await trace.StopAsync().ConfigureAwait(false);
        }
        _logger.LogInformation("Run {Goal} ended {State}: {Reason}", scenario.Goal, result.FinalState, result.Reason);
        var report = AgentComposition.ReportPath(folder);
        return new AgentRunResult
        {
            Goal = scenario.Goal ?? scenario.Name,
            State = result.FinalState,
            Reason = result.Reason,
            StepCount = result.Steps.Count,
            Expectations = result.Expectations,
            Variables = result.Variables,
            RecordingFolder = folder,
            ReportPath = File.Exists(report) ? report : null,
            TracePath = tracePath,
            Duration = result.Duration,
            Details = result,
        };
    }

    /// <summary>
    /// A fresh page under <paramref name="allowList"/> (a new context of the agent's browser, or the browser
    /// <paramref name="launch"/> started while the app was being served), or the user's page.
    /// </summary>
    private async Task OpenPageAsync(AllowList allowList, CancellationToken cancellationToken, BrowserLaunch? launch = null)
    {
        if (_userPage is not null) return; // ForPage: the user's page, with the allow-list fixed when it was attached
        if (_driver is not null)
        {
            await _driver.DisposeAsync().ConfigureAwait(false);
            _driver = null;
        }
        _driver = _browser is not null
            ? await _browser.NewDriverAsync(_composition.BrowserOptionsFor(allowList), cancellationToken).ConfigureAwait(false)
            : launch is not null
                ? await launch.OpenAsync(_composition.BrowserOptionsFor(allowList), cancellationToken).ConfigureAwait(false)
                : await _composition.OpenBrowserAsync(allowList, tracePath: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The agent's first page launches its own Chromium: started now, it comes up while the app (a demo site) is
    /// served, instead of after it. Null when the page comes from elsewhere (the user's page, a shared or remote
    /// browser) or a browser is already open. Disposing the launch closes a browser that was never used.
    /// </summary>
    private BrowserLaunch? StartBrowserLaunch() =>
        _userPage is null && _browser is null && _driver is null && Options.Browser.CdpEndpoint is null
            ? BrowserLaunch.Start(_composition.BrowserOptionsFor(AllowList.AnyHost))
            : null;

    private async Task ReplaceAppAsync(IAsyncDisposable? app)
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
        _app = app;
    }

    private PlaywrightDriver CurrentDriver() =>
        _driver ?? throw new InvalidOperationException("There is no current page yet: call RunAsync or ReplayAsync first, or create the agent with ForPageAsync.");

    // Composed once per agent: the embedded screen check and locator load their models once.
    private Perception Perception() => _perception ??= _composition.CreatePerception();

    private static string NameOf(string goal)
    {
        var words = goal.Trim().ToLowerInvariant();
        return words.Length <= 40 ? words : words[..40];
    }
}
