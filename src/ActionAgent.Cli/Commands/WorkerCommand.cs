using System.CommandLine;
using System.Globalization;
using ActionAgent.Cli.Logging;
using ActionAgent.Cli.Running;
using ActionAgent.Cli.Scheduling;
using ActionAgent.Composition;
using ActionAgent.Core.Scenarios;
using ActionAgent.Scheduling;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent worker</c>: the long-running host that runs due jobs (or, with --status, reports the workers).</summary>
internal static class WorkerCommand
{
    public static Command Create(IAnsiConsole console, CliEnvironment environment)
    {
        var store = new StoreOptions(environment);
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Runs at once (browser contexts).", DefaultValueFactory = _ => 1 };
        var grace = new Option<string>("--grace") { Description = "On SIGTERM, how long running jobs may take to finish before they are interrupted.", DefaultValueFactory = _ => "30s" };
        var status = new Option<bool>("--status") { Description = "Show the workers on this store and exit: 0 when one is alive, 3 when none is." };
        var misfireThreshold = new Option<string>("--misfire-threshold") { Description = "How late a firing may be before the job's misfire policy applies.", DefaultValueFactory = _ => "60s" };
        var checkin = new Option<string>("--checkin") { Description = "Heartbeat interval; a clustered worker silent for twice this is taken as dead and its jobs recovered.", DefaultValueFactory = _ => "5s" };
        var browsers = new Option<string[]>("--browser-endpoint") { Description = "A remote browser (repeatable): ws://HOST:PORT/ (Playwright run-server) or http://HOST:9222 (CDP). Default: ACTIONAGENT_BROWSER_ENDPOINTS, else a local Chromium per run." };
        var webhook = new Option<string?>("--webhook") { Description = "POST each failed run (or every run, --notify all) as JSON to this URL, with retries." };
        var notify = new Option<string>("--notify") { Description = "Which runs the webhook hears: failures or all.", DefaultValueFactory = _ => "failures" };
        notify.AcceptOnlyFromAmong("failures", "all");
        var secrets = new Option<string?>("--secrets") { Description = "A NAME=VALUE file (yours, mode 600) whose values scenarios' secrets read, besides the environment." };
        var noVision = new Option<bool>("--no-vision") { Description = "Runs skip the screen check and the visual locator." };
        var planner = new Option<string?>("--planner") { Description = "The planner for goal scenarios (see agent run --planner)." };
        var recordTo = new Option<string?>("--record-to") { Description = "Where run recordings go (default DATA/runs/JOB/…)." };
        var strict = new Option<bool>("--strict") { Description = "Refuse to start (exit 3) when any job's scenario is missing or invalid or a secret it needs is not set. Without it such jobs are named at start, each of their firings is recorded as an error with the reason, and the other jobs run." };
        var command = new Command("worker", """
            Run due scheduled jobs until stopped (SIGTERM or Ctrl+C: running jobs get --grace to finish, the rest are
            recorded as interrupted). Several workers on one PostgreSQL store form a Quartz cluster: each firing runs once,
            and the jobs of a worker that dies are recovered by another.

            Examples:
              agent worker --concurrency 2
              agent worker --store "Host=db;Database=actionagent;Username=agent" --browser-endpoint ws://browsers:3000/
              agent worker --status

            At start every job's scenario is loaded with its secrets: a job that cannot run is named as a warning (and
            its firings are recorded as errors, with the reason, for agent history and the webhook) while the other jobs
            run; --strict refuses to start instead.

            Exit codes: 0 stopped cleanly, 2 bad option, 3 the store cannot be reached (or, with --strict, a job's
            secret or scenario is missing).
            """)
        {
            store.Data, store.Store, concurrency, grace, status, misfireThreshold, checkin, browsers, webhook, notify, secrets, noVision, planner, recordTo, strict,
        };
        command.SetAction((parse, cancellationToken) => StoreOptions.GuardAsync(async () =>
        {
            var location = store.Resolve(parse);
            if (!TryDuration(parse.GetValue(grace)!, "--grace", out var graceTime) || !TryDuration(parse.GetValue(misfireThreshold)!, "--misfire-threshold", out var misfireTime)
                || !TryDuration(parse.GetValue(checkin)!, "--checkin", out var checkinTime))
            {
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(status)) return await StatusAsync(console, location, checkinTime, cancellationToken);
            if (parse.GetValue(concurrency) is < 1 or > 64)
            {
                CliErrors.Error("--concurrency: give 1 to 64.");
                return ExitCodes.BadInput;
            }
            var endpoints = (parse.GetValue(browsers) is { Length: > 0 } given ? given
                    : environment.BrowserEndpoints)
                .Select(BrowserEndpoint.Parse).ToList();
            Uri? hook = null;
            if (parse.GetValue(webhook) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out hook) || hook.Scheme is not ("http" or "https")))
            {
                CliErrors.Error($"--webhook: '{url}' is not an http(s) URL.");
                return ExitCodes.BadInput;
            }
            // The secrets file is the runs' source after the environment; it never enters the process environment.
            var fileSecrets = parse.GetValue(secrets) is { } secretsFile ? SecretsFile.Load(secretsFile) : null;

            var options = new WorkerOptions
            {
                Concurrency = parse.GetValue(concurrency), Grace = graceTime, MisfireThreshold = misfireTime, Checkin = checkinTime,
                Browsers = endpoints, Webhook = hook, NotifyFailuresOnly = parse.GetValue(notify) != "all",
                RecordingsRoot = parse.GetValue(recordTo) is { } root ? Path.GetFullPath(root) : null,
            };
            if (!await PreflightAsync(location, parse.GetValue(strict), fileSecrets, cancellationToken)) return ExitCodes.Environment;

            var logFile = Path.Combine(location.DataFolder, "logs", $"worker-{options.WorkerId}.jsonl");
            await using var log = RunLogging.Create(logFile, verbose: true);
            await using var localBrowser = new ActionAgent.Browser.SharedBrowser(
                new ActionAgent.Browser.BrowserOptions { Locator = CliAgentOptions.BrowserLocator(fileSecrets) });
            var runner = new ScheduledScenarioRunner(parse.GetValue(noVision), parse.GetValue(planner), localBrowser, fileSecrets);
            // The scheduler library logs through Microsoft.Extensions.Logging; Serilog (masking, console, log.jsonl) is its sink.
            using var loggerFactory = RunLogging.Factory(log.ForContext("WorkerId", options.WorkerId));
            using var host = WorkerHost.Create(location, options, runner, loggerFactory);
            console.MarkupLine($"worker [bold]{Markup.Escape(options.WorkerId)}[/] on {Markup.Escape(location.Describe())} · {options.Concurrency} at once · log {Markup.Escape(logFile)}");
            // The host stops on SIGTERM/SIGINT itself (System.CommandLine leaves those signals to it for this command).
            await host.RunAsync(CancellationToken.None);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Loads every job's scenario with its secrets, so a deployment error shows at start, not at 3 a.m. One job that
    /// cannot run does not stop the others: it is named as a warning (its firings are recorded as errors), unless
    /// <paramref name="strict"/>, where it is an error and the worker does not start.
    /// </summary>
    private static async Task<bool> PreflightAsync(ScheduleStore location, bool strict, IReadOnlyDictionary<string, string>? fileSecrets,
        CancellationToken cancellationToken)
    {
        var composition = new AgentComposition(CliAgentOptions.Create(secretsFile: fileSecrets));
        await using var catalog = await ScheduleCatalog.OpenAsync(location, cancellationToken);
        var problems = new List<string>();
        foreach (var job in await catalog.ListAsync(cancellationToken))
        {
            if (!File.Exists(job.Spec.Scenario))
            {
                problems.Add($"job {job.Spec.Name}: {job.Spec.Scenario}: the scenario file does not exist on this worker.");
                continue;
            }
            var loaded = ScenarioInput.Load(job.Spec.Scenario, SecretCheck.Error, composition);
            problems.AddRange(loaded.Errors.Select(error => $"job {job.Spec.Name}: {error}"));
        }
        foreach (var problem in problems)
        {
            if (strict) CliErrors.Error(problem);
            else CliErrors.Warning(problem + " Its runs will be recorded as errors until this is fixed; the other jobs run.");
        }
        return !strict || problems.Count == 0;
    }

    private static async Task<int> StatusAsync(IAnsiConsole console, ScheduleStore location, TimeSpan checkin, CancellationToken cancellationToken)
    {
        var history = new RunHistory(location);
        await history.EnsureCreatedAsync(cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var alive = 0;
        foreach (var w in await history.WorkersAsync(cancellationToken))
        {
            var live = w.State != "stopped" && now - w.LastSeen <= checkin * 3;
            if (live) alive++;
            var state = live ? w.State : w.State == "stopped" ? "stopped" : "lost";
            console.MarkupLine($"{Markup.Escape(w.WorkerId)}  {state}  {w.Running}/{w.Concurrency} running  last seen {(now - w.LastSeen).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s ago  host {Markup.Escape(w.Host)} pid {w.Pid}");
        }
        console.MarkupLine($"{alive} worker(s) alive on {Markup.Escape(location.Describe())}");
        return alive > 0 ? ExitCodes.Success : ExitCodes.Environment;
    }

    private static bool TryDuration(string text, string option, out TimeSpan value)
    {
        value = default;
        if (DurationSyntax.TryParse(text, out var parsed))
        {
            value = parsed.Value;
            return true;
        }
        CliErrors.Error($"{option}: '{text}' is not a duration (90s, 5m, 1h).");
        return false;
    }
}
