using Microsoft.Extensions.Logging;
using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// Records the firings a <c>--misfire skip</c> job missed while no worker ran, as <c>skipped</c> rows in the history,
/// so the history accounts for every due time. (A <c>run-once</c> job's missed firing shows as its catch-up run.)
/// </summary>
internal sealed class MisfireRecorder(RunHistory history, WorkerRuntime runtime, ILogger<MisfireRecorder> log) : ITriggerListener
{
    public string Name => nameof(MisfireRecorder);

    public async ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        if (trigger.MisfireInstructionCode != (int)CronTriggerMisfireInstruction.DoNothing || trigger.JobKey.Group != JobSpec.Group) return;
        var missed = trigger.NextFireTimeUtc;
        if (missed is null) return;
        var now = runtime.Time.GetUtcNow();
        var firing = ScenarioJob.FiringKey(trigger.JobKey.Name, missed.Value);
        await history.SaveAsync(new HistoryEntry
        {
            RunId = Guid.NewGuid().ToString("N")[..12], Job = trigger.JobKey.Name, Firing = firing, Cause = "misfire",
            Worker = runtime.Options.WorkerId, Status = RunStatus.Skipped, Started = now, Duration = TimeSpan.Zero,
            Reason = $"due at {missed.Value:u} while no worker ran; the job's misfire policy is skip",
        }, CancellationToken.None).ConfigureAwait(false);
        log.LogInformation("Job {JobId} missed its firing at {Due}; skipped by its misfire policy", trigger.JobKey.Name, missed.Value);
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
