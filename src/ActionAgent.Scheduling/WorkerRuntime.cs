using System.Collections.Concurrent;

namespace ActionAgent.Scheduling;

/// <summary>
/// What a worker's jobs share: its options, the browser pool, the count of runs in progress, and the token that
/// cancels them when the grace period after SIGTERM is over.
/// </summary>
public sealed class WorkerRuntime(WorkerOptions options, ScheduleStore store, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _interrupt = new();
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    /// <summary>The worker's options.</summary>
    public WorkerOptions Options => options;

    /// <summary>The store.</summary>
    public ScheduleStore Store => store;

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>The remote browsers.</summary>
    public BrowserPool Browsers { get; } = new(options.Browsers);

    /// <summary>Cancelled when the worker gives up waiting for running jobs at shutdown.</summary>
    public CancellationToken Interrupted => _interrupt.Token;

    /// <summary>Whether the worker is stopping (no retry is started then).</summary>
    public bool Stopping { get; private set; }

    /// <summary>How many runs are in progress.</summary>
    public int Running => _running.Count;

    /// <summary>The runs in progress (run id → job).</summary>
    public IReadOnlyDictionary<string, string> RunningRuns => _running;

    internal void Started(string runId, string job) => _running[runId] = job;

    internal void Ended(string runId) => _running.TryRemove(runId, out _);

    internal void BeginStopping() => Stopping = true;

    internal Task InterruptAsync() => _interrupt.CancelAsync();

    /// <inheritdoc />
    public void Dispose() => _interrupt.Dispose();
}
