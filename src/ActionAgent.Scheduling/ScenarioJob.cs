using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// The Quartz job every schedule fires: runs the job's scenario through <see cref="IScenarioRunner"/> with the job's
/// timeout, retries failed runs with backoff, records each attempt in the run history (started, then how it ended)
/// and tells the webhook.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScenarioJob(IScenarioRunner runner, RunHistory history, WorkerRuntime runtime, WebhookNotifier notifier, ILogger<ScenarioJob> log) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = JobSpec.FromJobData(context.JobDetail.Key.Name, context.MergedJobDataMap);
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // A recovered firing runs under a recovery trigger: its own firing is the one the dead worker had.
        if (context.Recovering && context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            && ParseTime(original?.ToString()) is { } due)
        {
            scheduled = due;
        }
        var firing = FiringKey(spec.Name, scheduled);
        // A run-now fires its own one-off trigger: two of them in the same second are two firings, told apart by the
        // trigger's name (a recovered one carries the name of the trigger it replaces).
        var manual = context.MergedJobDataMap.TryGetValue("cause", out var c) && c is string given ? given : null;
        if (manual is not null)
        {
            var trigger = context.Recovering && context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerName, out var name) && name is string n
                ? n : context.Trigger.Key.Name;
            firing += "#" + trigger;
        }
        var cause = context.Recovering ? "recovered"
            : manual
            ?? (context.FireTimeUtc - scheduled > runtime.Options.MisfireThreshold ? "misfire" : "schedule");
        if (context.Recovering)
        {
            var marked = await history.MarkInterruptedAsync(firing, DateTimeOffset.MinValue,
                $"the worker running it stopped without finishing; recovered by {runtime.Options.WorkerId}", CancellationToken.None).ConfigureAwait(false);
            log.LogWarning("Job {JobId} firing {Firing} recovered from a dead worker ({Marked} run(s) marked interrupted)", spec.Name, firing, marked);
        }

        var delay = spec.RetryDelay;
        for (var attempt = 1; attempt <= spec.Retries + 1; attempt++)
        {
            var entry = await RunOnceAsync(spec, firing, cause, attempt, context.CancellationToken).ConfigureAwait(false);
            await notifier.NotifyAsync(entry, CancellationToken.None).ConfigureAwait(false);
            if (!entry.Status.IsFailure() || entry.Status == RunStatus.Interrupted || attempt > spec.Retries || runtime.Stopping) break;
            log.LogInformation("Job {JobId} retries in {Delay} (attempt {Next} of {Attempts})", spec.Name, delay, attempt + 1, spec.Retries + 1);
            try
            {
                await Task.Delay(delay, runtime.Time, runtime.Interrupted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay *= 2;
        }
    }

    private async Task<HistoryEntry> RunOnceAsync(JobSpec spec, string firing, string cause, int attempt, CancellationToken quartzToken)
    {
        var time = runtime.Time;
        var runId = Guid.NewGuid().ToString("N")[..12];
        var started = time.GetUtcNow();
        var root = runtime.Options.RecordingsRoot ?? Path.Combine(runtime.Store.DataFolder, "runs");
        var folder = Path.Combine(root, Safe(spec.Name), $"{started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{runId}");
        // Every event of the run carries its job, run and firing as structured properties (a scope on each event).
        var runLog = new PropertiesLogger(log, new Dictionary<string, object> { ["JobId"] = spec.Name, ["RunId"] = runId, ["Firing"] = firing });
        var entry = new HistoryEntry
        {
            RunId = runId, Job = spec.Name, Firing = firing, Cause = cause, Attempt = attempt, Worker = runtime.Options.WorkerId,
            Status = RunStatus.Running, Started = started, Recording = folder,
        };
        await history.SaveAsync(entry, CancellationToken.None).ConfigureAwait(false);
        runtime.Started(runId, spec.Name);
        runLog.LogInformation("Run {RunId} of job {JobId} started ({Cause}, attempt {Attempt})", runId, spec.Name, cause, attempt);

        using var timeout = new CancellationTokenSource(spec.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, runtime.Interrupted, quartzToken);
        var browser = runtime.Browsers.Take();
        ScenarioRunOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(new ScenarioRunRequest
            {
                Job = spec.Name, RunId = runId, Scenario = spec.Scenario, Parameters = spec.Parameters,
                RecordingFolder = folder, Browser = browser, Logger = runLog, Screenshots = spec.Screenshots,
            }, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            runLog.LogError(e, "Run {RunId} of job {JobId} could not run", runId, spec.Name);
            outcome = new ScenarioRunOutcome { Status = linked.IsCancellationRequested ? RunStatus.Cancelled : RunStatus.Error, Reason = e.Message, Recording = folder };
        }
        finally
        {
            runtime.Browsers.Release(browser);
            runtime.Ended(runId);
        }

        var status = outcome.Status;
        var reason = outcome.Reason;
        if (status == RunStatus.Cancelled)
        {
            (status, reason) = timeout.IsCancellationRequested
                ? (RunStatus.TimedOut, $"the run went over the job's timeout of {spec.Timeout}")
                : (RunStatus.Interrupted, "the worker was stopped (SIGTERM) and the grace period ended before the run did");
        }
        entry = entry with
        {
            Status = status, Duration = time.GetUtcNow() - started, FailedStep = outcome.FailedStep, Reason = reason,
            Recording = outcome.Recording ?? folder, Report = outcome.Report,
        };
        await history.SaveAsync(entry, CancellationToken.None).ConfigureAwait(false);
        if (status.IsFailure()) runLog.LogWarning("Run {RunId} of job {JobId} {Status}: {Reason}", runId, spec.Name, status.ToText(), reason);
        else runLog.LogInformation("Run {RunId} of job {JobId} {Status} in {Duration}", runId, spec.Name, status.ToText(), entry.Duration);
        return entry;
    }

    /// <summary>A firing's identity in the history: the job and the second it was due.</summary>
    internal static string FiringKey(string job, DateTimeOffset due) =>
        $"{job}@{due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    private static DateTimeOffset? ParseTime(string? text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    private static string Safe(string name) => string.Concat(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-'));
}
