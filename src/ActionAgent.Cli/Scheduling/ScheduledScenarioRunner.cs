using ActionAgent.Browser;
using ActionAgent.Cli.Logging;
using ActionAgent.Cli.Running;
using ActionAgent.Composition;
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
/// Secrets come from the worker's environment, then its <c>--secrets</c> file (<paramref name="secretsFile"/>), never
/// from the schedule store.
/// </summary>
internal sealed class ScheduledScenarioRunner(bool noVision, string? plannerName, SharedBrowser localBrowser,
    IReadOnlyDictionary<string, string>? secretsFile = null) : IScenarioRunner
{
    public async Task<ScenarioRunOutcome> RunAsync(ScenarioRunRequest request, CancellationToken cancellationToken)
    {
        var folder = request.RecordingFolder;
        Directory.CreateDirectory(folder);
        var composition = new AgentComposition(CliAgentOptions.Create(plannerName, noVision: noVision, secretsFile: secretsFile));
        composition.Options.Recording.Screenshots = request.Screenshots;
        var loaded = ScenarioInput.Load(request.Scenario, SecretCheck.Error, composition);
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

        var perception = composition.CreatePerception();
        var planner = composition.CreatePlanner(scenario, perception, out var plannerError);
        if (planner is null) return Error(plannerError ?? "no planner could be chosen", folder);

        var vault = SecretVault.Empty;
        await using var runLog = RunLogging.Create(Path.Combine(folder, "log.jsonl"), verbose: false, () => vault);
        using var loggerFactory = RunLogging.Factory(runLog.ForContext("JobId", request.Job).ForContext("RunId", request.RunId));
        RunSetup setup;
        try
        {
            setup = await composition.PrepareRunAsync(scenario, cancellationToken);
        }
        catch (SiteNotFoundException e)
        {
            return Error(e.Message, folder);
        }
        await using var _ = setup;
        vault = setup.Secrets;
        KnownSecrets.Remember(vault);

        IUiDriver driver;
        try
        {
            // The allow-list rule every run shares: the scenario's allow_domains, else the host the run starts on.
            var options = composition.BrowserOptionsFor(composition.AllowListFor(scenario, setup.StartUrl)) with
            {
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
        var services = composition.CreateEngineServices(perception, loggerFactory);
        var result = await AgentComposition.RunAsync(driver, planner, writer, services,
            new RunRequest { Scenario = scenario, Secrets = setup.Secrets, StartUrl = setup.StartUrl }, folder, cancellationToken);
        var report = File.Exists(AgentComposition.ReportPath(folder)) ? AgentComposition.ReportPath(folder) : null;
        var failed = result.Steps.LastOrDefault(s => s.Outcome != StepOutcome.Succeeded);
        return new ScenarioRunOutcome
        {
            Status = result.FinalState switch
            {
                RunState.Succeeded => RunStatus.Succeeded,
                RunState.Cancelled => RunStatus.Cancelled,
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
