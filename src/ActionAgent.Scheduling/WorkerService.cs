using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// Starts the Quartz scheduler with the host and stops it gracefully: on SIGTERM the worker takes no new firing, lets
/// running jobs finish within the grace period, then cancels the rest, which the history records as interrupted (their
/// recordings are completed as cancelled). A heartbeat keeps <c>agent worker --status</c> current.
/// </summary>
internal sealed class WorkerService(ISchedulerFactory factory, WorkerRuntime runtime, RunHistory history, ILogger<WorkerService> log) : IHostedService, IAsyncDisposable
{
    private IScheduler? _scheduler;
    private readonly CancellationTokenSource _heartbeatStop = new();
    private Task? _heartbeat;
    private readonly DateTimeOffset _started = runtime.Time.GetUtcNow();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await history.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await BeatAsync("running", cancellationToken).ConfigureAwait(false);
        // Runs left "running" by a worker that is no longer alive (killed, machine lost) can never finish.
        var stale = runtime.Time.GetUtcNow() - runtime.Options.Checkin * 3;
        var orphans = await history.MarkInterruptedAsync(null, stale, "the worker running it stopped without finishing (killed or lost)", cancellationToken).ConfigureAwait(false);
        if (orphans > 0) log.LogWarning("Marked {Count} run(s) of stopped workers as interrupted", orphans);
        try
        {
            _scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
            await _scheduler.Start(cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException e)
        {
            throw RunHistory.StoreUnreachable(runtime.Store, e);
        }
        _heartbeat = HeartbeatLoopAsync(_heartbeatStop.Token);
        log.LogInformation("Worker {WorkerId} started on {Store}: {Concurrency} run(s) at once, {Browsers}", runtime.Options.WorkerId,
            runtime.Store.Describe(), runtime.Options.Concurrency,
            runtime.Options.Browsers.Count == 0 ? "local Chromium" : string.Join(", ", runtime.Options.Browsers));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is null) return;
        runtime.BeginStopping();
        log.LogInformation("Worker {WorkerId} stopping: {Running} run(s) in progress, grace {Grace}", runtime.Options.WorkerId, runtime.Running, runtime.Options.Grace);
        await BeatAsync("stopping", CancellationToken.None).ConfigureAwait(false);
        await _scheduler.Standby(CancellationToken.None).ConfigureAwait(false);
        var deadline = runtime.Time.GetUtcNow() + runtime.Options.Grace;
        while (runtime.Running > 0 && runtime.Time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), runtime.Time, CancellationToken.None).ConfigureAwait(false);
        }
        if (runtime.Running > 0)
        {
            log.LogWarning("Grace period over: interrupting {Running} run(s): {Runs}", runtime.Running, string.Join(", ", runtime.RunningRuns.Select(r => $"{r.Value}/{r.Key}")));
            await runtime.InterruptAsync().ConfigureAwait(false);
        }
        // Interrupted runs complete their recordings and history rows; Quartz then releases their firings.
        await _scheduler.Shutdown(true, CancellationToken.None).ConfigureAwait(false);
        await _heartbeatStop.CancelAsync().ConfigureAwait(false);
        if (_heartbeat is not null) await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await BeatAsync("stopped", CancellationToken.None).ConfigureAwait(false);
        log.LogInformation("Worker {WorkerId} stopped", runtime.Options.WorkerId);
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(runtime.Options.Checkin, runtime.Time, cancellationToken).ConfigureAwait(false);
                await BeatAsync(runtime.Stopping ? "stopping" : "running", cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ScheduleException e)
            {
                log.LogWarning("Heartbeat failed: {Error}", e.Message);
            }
        }
    }

    private Task BeatAsync(string state, CancellationToken cancellationToken) =>
        history.HeartbeatAsync(new WorkerStatus(runtime.Options.WorkerId, Environment.MachineName, Environment.ProcessId, _started,
            runtime.Time.GetUtcNow(), runtime.Options.Concurrency, runtime.Running, state), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _heartbeatStop.CancelAsync().ConfigureAwait(false);
        _heartbeatStop.Dispose();
    }
}
