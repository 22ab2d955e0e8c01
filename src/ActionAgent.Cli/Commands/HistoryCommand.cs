using System.CommandLine;
using System.Globalization;
using ActionAgent.Cli.Scheduling;
using ActionAgent.Core.Scenarios;
using ActionAgent.Scheduling;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent history</c>: what the scheduled jobs did, newest first.</summary>
internal static class HistoryCommand
{
    public static Command Create(IAnsiConsole console, CliEnvironment environment)
    {
        var store = new StoreOptions(environment);
        var job = new Option<string?>("--job") { Description = "Only this job's runs." };
        var failed = new Option<bool>("--failed") { Description = "Only failed, timed-out, interrupted and error runs; exit 1 when there are any (for alerts)." };
        var since = new Option<string?>("--since") { Description = "Only runs that started in this last duration (1h, 30m)." };
        var limit = new Option<int>("--limit") { Description = "At most this many runs.", DefaultValueFactory = _ => 50 };
        var command = new Command("history", """
            Show the scheduled runs: status, start, duration, the failed step and why, the recording and report.

            Examples:
              agent history
              agent history --job morning-booking
              agent history --failed --since 1h     exit 1 when a run failed in the last hour (cron/monitoring alert)

            Statuses: running, succeeded, failed, timed-out, interrupted, skipped, error.
            """)
        {
            store.Data, store.Store, job, failed, since, limit,
        };
        command.SetAction((parse, cancellationToken) => StoreOptions.GuardAsync(async () =>
        {
            TimeSpan? window = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!DurationSyntax.TryParse(text, out var parsed))
                {
                    CliErrors.Error($"--since: '{text}' is not a duration (90s, 5m, 1h).");
                    return ExitCodes.BadInput;
                }
                window = parsed;
            }
            var history = new RunHistory(store.Resolve(parse));
            await history.EnsureCreatedAsync(cancellationToken);
            var runs = await history.ListAsync(parse.GetValue(job), parse.GetValue(failed), Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (window is { } w) runs = [.. runs.Where(r => r.Started >= TimeProvider.System.GetUtcNow() - w)];
            if (runs.Count == 0)
            {
                console.MarkupLine("[grey]no runs[/]");
                return ExitCodes.Success;
            }
            foreach (var run in runs)
            {
                var color = run.Status switch { RunStatus.Succeeded => "green", RunStatus.Running or RunStatus.Skipped => "grey", _ => "red" };
                var duration = run.Duration is { } d ? $"{d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s" : "-";
                console.MarkupLine($"{run.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z  {Markup.Escape(run.Job)}  run {run.RunId}  [{color}]{run.Status.ToText()}[/]  {duration}  attempt {run.Attempt}  {Markup.Escape(run.Cause)}  worker {Markup.Escape(run.Worker)}");
                if (run.FailedStep is { } step) console.MarkupLine($"    failed step {step}");
                if (run.Reason is { } reason) console.MarkupLine($"    why: {Markup.Escape(reason)}");
                if (run.Report is { } report) console.MarkupLine($"    report: {Markup.Escape(report)}");
                else if (run.Recording is { } recording) console.MarkupLine($"    recording: {Markup.Escape(recording)}");
            }
            return parse.GetValue(failed) ? ExitCodes.RunFailed : ExitCodes.Success;
        }));
        return command;
    }
}
