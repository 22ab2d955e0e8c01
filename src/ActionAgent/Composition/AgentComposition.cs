using ActionAgent.Browser;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Sites;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Composition;

/// <summary>
/// The one composition root: turns <see cref="AgentOptions"/> into the parts of a working agent (planner, perception,
/// grounder, served app, allow-list, browser, recording folder). The <c>agent</c> command, the scheduler's worker and
/// <see cref="Agent"/> all compose through it, so they choose planners, serve sites and enforce the allow-list alike.
/// </summary>
public sealed class AgentComposition
{
    /// <summary>Composes from <paramref name="options"/>.</summary>
    /// <param name="options">The options (not copied: change them before composing).</param>
    public AgentComposition(AgentOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The options composed from.</summary>
    public AgentOptions Options { get; }

    /// <summary>
    /// Loads a scenario file; its secrets' variables are looked up in <see cref="AgentOptions.SecretVariables"/>, then in
    /// the <c>.env</c> beside it, and its <c>site:NAME</c> is checked against the demo sites.
    /// </summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="secrets">What a secret without a value is: an error, a warning or nothing.</param>
    /// <returns>The scenario, or its errors with file, line and field.</returns>
    public ScenarioLoadResult LoadScenario(string path, SecretCheck secrets)
    {
        ArgumentNullException.ThrowIfNull(path);
        SecretEnvironment environment;
        try
        {
            environment = SecretEnvironment.Beside(Options.SecretVariables, path);
        }
        catch (InvalidDataException e)
        {
            return new ScenarioLoadResult { Errors = [new ScenarioError(path, 0, 0, ".env", e.Message)] };
        }
        var sitesRoot = Options.SitesFolder ?? SiteCatalog.FindSitesRoot(Path.GetDirectoryName(Path.GetFullPath(path)));
        var options = new ScenarioLoadOptions
        {
            SiteExists = sitesRoot is null ? _ => false : name => Directory.Exists(Path.Combine(sitesRoot, name)),
            CheckSecrets = secrets,
            // Only the variables the scenario's secrets name are looked up, in the environment and then its .env.
            GetEnvironmentVariable = environment.Get,
        };
        return ScenarioLoader.Load(path, options);
    }

    /// <summary>The perception roles: screen check, visual locator (unless vision is off) and intent classifier.</summary>
    /// <returns>The roles.</returns>
    public Perception CreatePerception() => Perception.Create(Options);

    /// <summary>
    /// The planner for <paramref name="scenario"/>: a language model when one is asked for, else its explicit steps or
    /// the offline planner. Null with <paramref name="error"/> on bad input (an unknown backend, a missing key or skills folder).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="perception">The tools a language-model planner is given; null for none.</param>
    /// <param name="error">Why no planner could be made.</param>
    /// <returns>The planner, or null.</returns>
    public IPlanner? CreatePlanner(Scenario scenario, Perception? perception, out string? error)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return PlannerSelection.Choose(scenario, Options, out error, perception?.ForPlanner);
    }

    /// <summary>The grounder for semantic targets (the accessibility tree by embeddings).</summary>
    /// <returns>The grounder.</returns>
    public ITargetGrounder CreateGrounder() => PlannerChoice.CreateGrounder();

    /// <summary>The goal interpreter (built-in verbs plus the user's <c>verbs.yaml</c>), shared per verb set.</summary>
    /// <returns>The interpreter.</returns>
    public IGoalInterpreter CreateInterpreter() => PlannerChoice.CreateInterpreter(Options.Planner.SkillsFolder);

    /// <summary>The engine's collaborators: grounder, interpreter, the perception's checks, approvals, clock and log.</summary>
    /// <param name="perception">The perception roles.</param>
    /// <param name="loggerFactory">Where the run logs (the engine's events go to its <c>ActionAgent.Core.Engine.RunEngine</c> category).</param>
    /// <returns>The services.</returns>
    public RunEngineServices CreateEngineServices(Perception perception, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(perception);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var services = new RunEngineServices
        {
            LoggerFactory = loggerFactory,
            Time = Options.Time,
            Grounder = CreateGrounder(),
            Interpreter = CreateInterpreter(),
            Approvals = Options.Policy.Approvals,
            Screenshots = Options.Recording.Screenshots,
        };
        return perception.Vision is { } vision
            ? services with { Verifier = vision.Verifier, Locator = vision.Locator, Cropper = vision.Cropper }
            : services;
    }

    /// <summary>Reads a run's secrets and serves its demo site when it starts on <c>site:NAME</c>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The setup; dispose it to stop the site.</returns>
    /// <exception cref="SiteNotFoundException">The demo site cannot be found.</exception>
    /// <exception cref="InvalidDataException">A <c>.env</c> file is too large or cannot be read.</exception>
    public Task<RunSetup> PrepareRunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return RunSetup.PrepareAsync(scenario, Options, cancellationToken);
    }

    /// <summary>Serves a recording's site again (or maps it to <see cref="ReplaySetupRequest.BaseUrl"/>) and reads the declared secrets.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="recordingPath">Its <c>recording.json</c>.</param>
    /// <param name="request">What the person replaying declared.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The setup; dispose it to stop the site.</returns>
    /// <exception cref="SiteNotFoundException">The demo site cannot be found.</exception>
    /// <exception cref="ArgumentException">The base URL is not absolute.</exception>
    public Task<ReplaySetup> PrepareReplayAsync(RecordingDocument recording, string recordingPath, ReplaySetupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(recordingPath);
        ArgumentNullException.ThrowIfNull(request);
        return ReplaySetup.PrepareAsync(recording, recordingPath, request, Options, cancellationToken);
    }

    /// <summary>Serves <paramref name="appStart"/> when it is <c>site:NAME</c> (looked for above the working directory).</summary>
    /// <param name="appStart">A URL or <c>site:NAME/PATH</c>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The app; dispose it to stop the site.</returns>
    /// <exception cref="SiteNotFoundException">The demo site cannot be found.</exception>
    public Task<ServedApp> ServeAsync(string appStart, CancellationToken cancellationToken) =>
        ServedApp.StartAsync(appStart, Options.SitesFolder, [Environment.CurrentDirectory], cancellationToken);

    /// <summary>
    /// The allow-list of a run, plan or replay (one rule for all): the user's <see cref="PolicySettings.AllowDomains"/>;
    /// else the scenario's own <c>allow_domains</c>; else the start host; narrowed, never widened, by a recording's list.
    /// Every entry allows its subdomains.
    /// </summary>
    /// <param name="scenario">The user's scenario, if any.</param>
    /// <param name="startUrl">Where the run or replay starts (after a site is served).</param>
    /// <param name="recorded">A recording's own list (untrusted: it can only narrow).</param>
    /// <returns>The allow-list.</returns>
    public AllowList AllowListFor(Scenario? scenario, string? startUrl, IReadOnlyCollection<string>? recorded = null) =>
        RunAllowList.For([.. Options.Policy.AllowDomains], scenario?.Policy.AllowDomains ?? [], startUrl, recorded ?? []);

    /// <summary>The browser options for a run or replay under <paramref name="allowList"/>.</summary>
    /// <param name="allowList">The allow-list the driver enforces.</param>
    /// <param name="tracePath">Where to save a Playwright trace; null for none.</param>
    /// <returns>The options.</returns>
    public BrowserOptions BrowserOptionsFor(AllowList allowList, string? tracePath = null) => new()
    {
        Headed = Options.Browser.Headed,
        ExecutablePath = Options.Browser.ExecutablePath,
        ViewportWidth = Options.Browser.ViewportWidth,
        ViewportHeight = Options.Browser.ViewportHeight,
        AllowList = allowList,
        TracePath = tracePath,
        DownloadsPath = Path.GetFullPath(Options.Browser.DownloadsFolder),
        TimeProvider = Options.Time,
        Locator = BrowserLocator.WithVariables(name => Options.Browser.LocatorVariables.TryGetValue(name, out var value) ? value : null),
    };

    /// <summary>
    /// Starts launching the Chromium a run or replay will open, so that it comes up while the app (a demo site) is served
    /// instead of after it: the launch needs only the executable and flags, the page's allow-list waits for the app's
    /// address. Null when the browser is attached instead (<see cref="BrowserSettings.CdpEndpoint"/>). Give the launch
    /// to <see cref="OpenBrowserAsync(AllowList, string?, BrowserLaunch?, CancellationToken)"/>; dispose it in any case
    /// (that closes a browser that was never opened, when the app failed to start).
    /// </summary>
    /// <returns>The launch under way, or null.</returns>
    public BrowserLaunch? StartBrowserLaunch() =>
        Options.Browser.CdpEndpoint is null ? BrowserLaunch.Start(BrowserOptionsFor(AllowList.AnyHost)) : null;

    /// <summary>
    /// Opens the page of <paramref name="launch"/> (from <see cref="StartBrowserLaunch"/>) under <paramref name="allowList"/>,
    /// or, without one, launches or attaches as <see cref="OpenBrowserAsync(AllowList, string?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="allowList">The allow-list the driver enforces.</param>
    /// <param name="tracePath">Where to save a Playwright trace; null for none.</param>
    /// <param name="launch">The launch started earlier, or null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The driver.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found.</exception>
    public async Task<PlaywrightDriver> OpenBrowserAsync(AllowList allowList, string? tracePath, BrowserLaunch? launch, CancellationToken cancellationToken) =>
        launch is null
            ? await OpenBrowserAsync(allowList, tracePath, cancellationToken).ConfigureAwait(false)
            : await launch.OpenAsync(BrowserOptionsFor(allowList, tracePath), cancellationToken).ConfigureAwait(false);

    /// <summary>Launches Chromium, or attaches to <see cref="BrowserSettings.CdpEndpoint"/>, under <paramref name="allowList"/>.</summary>
    /// <param name="allowList">The allow-list the driver enforces.</param>
    /// <param name="tracePath">Where to save a Playwright trace; null for none.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The driver.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found.</exception>
    public async Task<PlaywrightDriver> OpenBrowserAsync(AllowList allowList, string? tracePath, CancellationToken cancellationToken)
    {
        var options = BrowserOptionsFor(allowList, tracePath);
        return Options.Browser.CdpEndpoint is { } cdp
            ? await PlaywrightDriver.ConnectAsync(cdp, options, cancellationToken).ConfigureAwait(false)
            : await PlaywrightDriver.LaunchAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new recording folder for a run named <paramref name="name"/> under <see cref="RecordingSettings.Folder"/>.</summary>
    /// <param name="name">The scenario's name.</param>
    /// <param name="recordTo">A folder the user chose instead; null for the default.</param>
    /// <returns>The full path (not created).</returns>
    public string RecordingFolderFor(string name, string? recordTo = null) => RecordingLocation.For(name, recordTo, Options.Time, Options.Recording.Folder);

    /// <summary>Why a run cannot record into <paramref name="folder"/> (a file, or it already holds a recording); null when it can.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The problem, or null.</returns>
    public static string? RecordingFolderProblem(string folder) => RecordingLocation.Problem(folder);

    /// <summary>Carries out one run with the engine and writes its HTML report beside the recording (for failed and cancelled runs too).</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="planner">The planner.</param>
    /// <param name="writer">The recording writer.</param>
    /// <param name="services">The engine's collaborators.</param>
    /// <param name="request">The run.</param>
    /// <param name="folder">The recording folder.</param>
    /// <param name="cancellationToken">Cancels the run (it still leaves its recording).</param>
    /// <returns>The run's result.</returns>
    public static Task<RunResult> RunAsync(IUiDriver driver, IPlanner planner, RecordingWriter writer, RunEngineServices services, RunRequest request,
        string folder, CancellationToken cancellationToken) =>
        ScenarioExecution.RunAsync(driver, planner, writer, services, request, folder, cancellationToken);

    /// <summary>The path of a run's HTML report in its recording folder.</summary>
    /// <param name="folder">The recording folder.</param>
    /// <returns>The report's path.</returns>
    public static string ReportPath(string folder) => ScenarioExecution.ReportPath(folder);
}
