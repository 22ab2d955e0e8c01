using ActionAgent.Browser;
using ActionAgent.Cli.Logging;
using ActionAgent.Cli.Running;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Scheduling;
using ActionAgent.Sites;

namespace ActionAgent.Cli.Scheduling;

/// <summary>
/// Runs a job's scenario in the worker the way <c>agent run FILE --record-to DIR</c> does — the same loading, planner
/// choice, perception, site serving, secrets, engine and report — with a local Chromium or a context in a remote browser,
/// and no console: the run's log goes to its <c>log.jsonl</c> (secrets masked) and carries the job and run ids. Each run
/// gets its own browser context: in the worker's shared local Chromium, or in a remote browser from the pool.
/// </summary>
internal sealed class ScheduledScenarioRunner(bool noVision, string? plannerName, SharedBrowser localBrowser) : IScenarioRunner
{
    public async Task<ScenarioRunOutcome> RunAsync(ScenarioRunRequest request, CancellationToken cancellationToken)
    {
        var folder = request.RecordingFolder;
        Directory.CreateDirectory(folder);
        var loaded = ScenarioInput.Load(request.Scenario, SecretCheck.Error);
        if (!loaded.Success)
        {
            return Error(string.Join("; ", loaded.Errors.Select(e => e.ToString())), folder);
        }
        var scenario = loaded.Scenario!;
        var unknown = request.Parameters.Keys.Where(k => !scenario.Inputs.ContainsKey(k)).ToList();
        if (unknown.Count > 0) return Error($"{request.Scenario}: no input named {string.Join(", ", unknown)} (--param sets the scenario's inputs)", folder);
        var inputs = scenario.Inputs.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in request.Parameters) inputs[name] = value;
        scenario = scenario with { Inputs = inputs };

        var perception = Perception.Create(noVision, PlannerSelection.Requested(plannerName), onDevice: false, skillsFolder: null);
        var planner = PlannerSelection.Choose(scenario, plannerName, onDevice: false, out var plannerError, perception.ForPlanner);
        if (planner is null) return Error(plannerError ?? "no planner could be chosen", folder);

        var vault = SecretVault.Empty;
        await using var runLog = RunLogging.Create(Path.Combine(folder, "log.jsonl"), verbose: false, () => vault);
        var log = runLog.ForContext("JobId", request.Job).ForContext("RunId", request.RunId);
        RunSetup setup;
        try
        {
            setup = await RunSetup.PrepareAsync(scenario, cancellationToken);
        }
        catch (SiteNotFoundException e)
        {
            return Error(e.Message, folder);
        }
        await using var _ = setup;
        vault = setup.Secrets;

        IUiDriver driver;
        try
        {
            var options = new BrowserOptions
            {
                AllowedHosts = scenario.Policy.AllowDomains.Count > 0 ? BrowserOptions.AllowOnly(scenario.Policy.AllowDomains) : null,
                ConfigDirectory = Path.GetDirectoryName(Path.GetFullPath(request.Scenario)),
            };
            driver = request.Browser is { } remote
                ? await PlaywrightDriver.OpenContextAsync(remote.Url, remote.IsCdp, options, cancellationToken)
                : await localBrowser.NewDriverAsync(options, cancellationToken);
        }
        catch (BrowserNotFoundException e)
        {
            return Error(e.Message, folder);
        }
        catch (Microsoft.Playwright.PlaywrightException e)
        {
            return Error($"the browser at {request.Browser} could not be reached: {e.Message}", folder);
        }
        await using var __ = driver;

        var writer = new RecordingWriter(folder);
        var services = new RunEngineServices { Logger = log, Time = TimeProvider.System, Grounder = PlannerChoice.CreateGrounder(), Interpreter = PlannerChoice.CreateInterpreter(null) };
        if (perception.Vision is { } vision)
        {
            services = services with { Verifier = vision.Verifier, Locator = vision.Locator, Cropper = vision.Cropper };
        }
        var result = await ScenarioExecution.RunAsync(driver, planner, writer, services,
            new RunRequest { Scenario = scenario, Secrets = setup.Secrets, StartUrl = setup.StartUrl }, folder, cancellationToken);
        var report = File.Exists(ScenarioExecution.ReportPath(folder)) ? ScenarioExecution.ReportPath(folder) : null;
        var failed = result.Steps.LastOrDefault(s => s.Outcome != "succeeded" && s.Outcome != "passed");
        return new ScenarioRunOutcome
        {
            Status = result.FinalState switch
            {
                RunState.Succeeded => RunStatus.Succeeded,
                RunState.Cancelled => ScenarioRunOutcome.Cancelled,
                _ => RunStatus.Failed,
            },
            FailedStep = result.Succeeded ? null : failed?.Index,
            Reason = result.Succeeded ? null : setup.Secrets.Mask(result.Reason ?? result.FinalState.ToString()),
            Recording = folder,
            Report = report,
        };
    }

    private static ScenarioRunOutcome Error(string reason, string folder) => new() { Status = RunStatus.Error, Reason = reason, Recording = folder };
}
