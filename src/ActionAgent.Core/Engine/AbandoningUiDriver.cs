using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Engine;

/// <summary>
/// Makes the run's (or replay's) time limit a hard stop: a driver call returns as soon as its token is cancelled,
/// even when the browser itself cannot answer (a page stuck in a script loop blocks Playwright's calls, which do not
/// honour cancellation). The browser operation is abandoned, not awaited; closing the driver ends it.
/// A driver call that throws (an app that stopped answering its accessibility bus, a browser that crashed) comes back
/// as a <see cref="DriverFailedException"/> naming the driver and what it was doing, which the engines turn into a
/// failed run with a recording, not a crash.
/// The inner driver's optional <see cref="IUiStateProbe"/> is kept, guarded the same way, as <see cref="Probe"/>: the
/// wrapper itself is no probe, so <c>driver is IUiStateProbe</c> on it is false and would hide the capability.
/// </summary>
internal sealed class AbandoningUiDriver : IUiDriver
{
    private readonly IUiDriver inner;

    private AbandoningUiDriver(IUiDriver inner)
    {
        this.inner = inner;
        Probe = inner is IUiStateProbe probe ? new GuardedProbe(this, probe) : null;
    }

    public string Name => inner.Name;

    /// <summary>The inner driver's event-driven waits, guarded like its other calls; null when it has none.</summary>
    public IUiStateProbe? Probe { get; }

    public async Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken)
    {
        var observation = await Guarded(() => inner.ObserveAsync(options, cancellationToken), "observing the screen", cancellationToken).ConfigureAwait(false);
        // A picture still being taken is guarded the same way when it is waited for.
        return observation.PendingScreenshot is { } pending
            ? observation with { PendingScreenshot = Guarded(() => pending, "taking a screenshot", cancellationToken) }
            : observation;
    }

    public Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken) =>
        Guarded(() => inner.ExecuteAsync(action, cancellationToken), $"acting ({action?.Step.Action.ToName()})", cancellationToken);

    public Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken) =>
        Guarded(() => inner.ScreenshotAsync(masked, cancellationToken), "taking a screenshot", cancellationToken);

    // The engines own the driver only for the run; the caller that created it disposes it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static AbandoningUiDriver Wrap(IUiDriver driver) => driver as AbandoningUiDriver ?? new AbandoningUiDriver(driver);

    private async Task<T> Guarded<T>(Func<Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await Abandonable(call(), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the trust boundary to the driver: whatever it throws fails the run with a message, not the process
        catch (Exception e) when (e is not (OperationCanceledException or DriverFailedException))
#pragma warning restore CA1031
        {
            throw new DriverFailedException(inner.Name, operation, e);
        }
    }

    private static Task<T> Abandonable<T>(Task<T> operation, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || operation.IsCompleted) return operation;
        // An abandoned operation may still fail later (the browser closes under it); that failure is observed here
        // so it does not surface as an unobserved task exception.
        _ = operation.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return operation.WaitAsync(cancellationToken);
    }

    private sealed class GuardedProbe(AbandoningUiDriver owner, IUiStateProbe inner) : IUiStateProbe
    {
        public Task<ProbeResult> WaitUntilAsync(UiCondition condition, TimeSpan timeout, CancellationToken cancellationToken) =>
            owner.Guarded(() => inner.WaitUntilAsync(condition, timeout, cancellationToken), "waiting for a recorded check", cancellationToken);
    }
}
