using System.CommandLine;
using System.Globalization;
using ActionAgent.Cli.Running;
using ActionAgent.Cli.Scheduling;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Scenarios;
using ActionAgent.Scheduling;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent schedule</c>: add, list, remove, pause, resume and fire scheduled jobs.</summary>
internal static class ScheduleCommand
{
    public static Command Create(IAnsiConsole console, CliEnvironment environment)
    {
        var store = new StoreOptions(environment);
        var command = new Command("schedule", """
            Schedule scenarios to run unattended; `agent worker` runs them, `agent history` shows how they went.

            Examples:
              agent schedule add scenarios/book-flight.yaml --cron "0 0 6 * * ?" --timezone Europe/Paris --name morning-booking
              agent schedule list
              agent schedule run-now morning-booking
              agent schedule pause morning-booking

            Cron expressions are Quartz's, seconds first: "0 0/15 * * * ?" is every 15 minutes.
            Exit codes: 0 done, 2 bad input (cron, time zone, file, job name), 3 the store cannot be reached.
            """)
        {
            store.Data, store.Store,
        };
        command.Subcommands.Add(Add(console, store));
        command.Subcommands.Add(List(console, store));
        command.Subcommands.Add(Simple("remove", "Remove a job (its history stays).", (c, n, t) => c.RemoveAsync(n, t), "removed", console, store));
        command.Subcommands.Add(Simple("pause", "Pause a job until it is resumed.", (c, n, t) => c.PauseAsync(n, t), "paused", console, store));
        command.Subcommands.Add(Simple("resume", "Resume a paused job.", (c, n, t) => c.ResumeAsync(n, t), "resumed", console, store));
        command.Subcommands.Add(Simple("run-now", "Fire a job once now (the next free worker runs it).", (c, n, t) => c.RunNowAsync(n, t), "fired", console, store));
        return command;
    }

    private static Command Add(IAnsiConsole console, StoreOptions store)
    {
        var file = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var cron = new Option<string>("--cron") { Description = "When to run: a Quartz cron expression, seconds first (\"0 0 6 * * ?\" is 06:00 daily).", Required = true };
        var name = new Option<string?>("--name") { Description = "The job's name (default: the scenario's name)." };
        var zone = new Option<string>("--timezone") { Description = "The time zone the cron expression is read in (IANA id).", DefaultValueFactory = _ => "UTC" };
        var parameters = new Option<string[]>("--param") { Description = "Set a scenario input: NAME=VALUE (repeatable). Secrets are never parameters.", AllowMultipleArgumentsPerToken = false };
        var misfire = new Option<string>("--misfire") { Description = "A firing missed while no worker ran: run-once (run it as soon as a worker is back) or skip.", DefaultValueFactory = _ => "run-once" };
        misfire.AcceptOnlyFromAmong("run-once", "skip");
        var timeout = new Option<string>("--timeout") { Description = "How long one run may take before it is cancelled (timed-out).", DefaultValueFactory = _ => "10m" };
        var retries = new Option<int>("--retries") { Description = "How many times a failed run is tried again, with doubling backoff.", DefaultValueFactory = _ => 0 };
        var retryDelay = new Option<string>("--retry-delay") { Description = "The delay before the first retry (then doubled).", DefaultValueFactory = _ => "10s" };
        var replace = new Option<bool>("--replace") { Description = "Replace a job of the same name." };
        var screenshots = CommonOptions.Screenshots("the job's runs");
        var command = new Command("add", "Add a scheduled job that runs a scenario.") { file, cron, name, zone, parameters, misfire, timeout, retries, retryDelay, replace, screenshots };
        command.SetAction((parse, cancellationToken) => StoreOptions.GuardAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                CliErrors.Error($"{path}: the scenario file does not exist.");
                return ExitCodes.BadInput;
            }
            // The worker may hold secrets this machine does not: a missing one is a warning here, an error on the worker.
            var loaded = ScenarioInput.Load(path, SecretCheck.Warning);
            ScenarioInput.PrintErrors(loaded);
            if (!loaded.Success) return ExitCodes.BadInput;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(parameters) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) return Bad($"--param {pair}: expected NAME=VALUE.");
                var key = pair[..eq];
                if (!loaded.Scenario!.Inputs.ContainsKey(key))
                {
                    return Bad($"--param {key}: {path} has no input named {key} (inputs: {string.Join(", ", loaded.Scenario.Inputs.Keys)}).");
                }
                values[key] = pair[(eq + 1)..];
            }
            if (!DurationSyntax.TryParse(parse.GetValue(timeout)!, out var limit)) return Bad($"--timeout: '{parse.GetValue(timeout)}' is not a duration (90s, 5m, 1h).");
            if (!DurationSyntax.TryParse(parse.GetValue(retryDelay)!, out var delay)) return Bad($"--retry-delay: '{parse.GetValue(retryDelay)}' is not a duration.");
            if (parse.GetValue(retries) is < 0 or > 20) return Bad("--retries: give 0 to 20.");
            var spec = new JobSpec
            {
                Name = parse.GetValue(name) ?? loaded.Scenario!.Name,
                Scenario = Path.GetFullPath(path),
                Cron = parse.GetValue(cron)!,
                TimeZone = parse.GetValue(zone)!,
                Parameters = values,
                Misfire = parse.GetValue(misfire) == "skip" ? MisfirePolicy.Skip : MisfirePolicy.RunOnce,
                Timeout = limit.Value,
                Retries = parse.GetValue(retries),
                RetryDelay = delay.Value,
                Screenshots = CommonOptions.ScreenshotsChoice(parse.GetValue(screenshots)),
            };
            ScheduleCatalog.Validate(spec);
            await using var catalog = await ScheduleCatalog.OpenAsync(store.Resolve(parse), cancellationToken);
            var next = await catalog.AddAsync(spec, parse.GetValue(replace), cancellationToken);
            console.MarkupLine($"added [bold]{Markup.Escape(spec.Name)}[/]: {Markup.Escape(spec.Cron)} ({Markup.Escape(spec.TimeZone)}), next run {Markup.Escape(Format(next, spec.TimeZone))} · store {Markup.Escape(catalog.Store.Describe())}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(IAnsiConsole console, StoreOptions store)
    {
        var command = new Command("list", "List the scheduled jobs with their state and next run.");
        command.SetAction((parse, cancellationToken) => StoreOptions.GuardAsync(async () =>
        {
            await using var catalog = await ScheduleCatalog.OpenAsync(store.Resolve(parse), cancellationToken);
            var jobs = await catalog.ListAsync(cancellationToken);
            if (jobs.Count == 0)
            {
                console.MarkupLine("[grey]no jobs (agent schedule add FILE --cron \"…\")[/]");
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("job", "state", "cron", "time zone", "next run", "misfire", "timeout", "retries", "screenshots", "scenario");
            foreach (var job in jobs)
            {
                var s = job.Spec;
                table.AddRow(Markup.Escape(s.Name), job.State, Markup.Escape(s.Cron), Markup.Escape(s.TimeZone), Markup.Escape(Format(job.NextRun, s.TimeZone)),
                    s.Misfire == MisfirePolicy.Skip ? "skip" : "run-once", s.Timeout.ToString(), s.Retries.ToString(CultureInfo.InvariantCulture),
                    RunScreenshotsNames.Name(s.Screenshots), Markup.Escape(s.Scenario));
            }
            console.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Simple(string verb, string description, Func<ScheduleCatalog, string, CancellationToken, Task> act, string done, IAnsiConsole console, StoreOptions store)
    {
        var name = new Argument<string>("job") { Description = "The job's name (agent schedule list)." };
        var command = new Command(verb, description) { name };
        command.SetAction((parse, cancellationToken) => StoreOptions.GuardAsync(async () =>
        {
            await using var catalog = await ScheduleCatalog.OpenAsync(store.Resolve(parse), cancellationToken);
            await act(catalog, parse.GetValue(name)!, cancellationToken);
            console.MarkupLine($"{done} [bold]{Markup.Escape(parse.GetValue(name)!)}[/]");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Format(DateTimeOffset? time, string zone)
    {
        if (time is null) return "—";
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return TimeZoneInfo.ConvertTime(time.Value, tz).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    private static int Bad(string message)
    {
        CliErrors.Error(message);
        return ExitCodes.BadInput;
    }
}
