using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Engine;

/// <summary>
/// Makes the run's (or replay's) time limit a hard stop: a driver call returns as soon as its token is cancelled,
/// even when the browser itself cannot answer (a page stuck in a script loop blocks Playwright's calls, which do not
/// honour cancellation). The browser operation is abandoned, not awaited; closing the driver ends it.
/// </summary>
internal sealed class AbandoningUiDriver(IUiDriver inner) : IUiDriver
{
    public string Name => inner.Name;

    public Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken) =>
        Abandonable(inner.ObserveAsync(options, cancellationToken), cancellationToken);

    public Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken) =>
        Abandonable(inner.ExecuteAsync(action, cancellationToken), cancellationToken);

    public Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken) =>
        Abandonable(inner.ScreenshotAsync(masked, cancellationToken), cancellationToken);

    // The engines own the driver only for the run; the caller that created it disposes it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static IUiDriver Wrap(IUiDriver driver) => driver as AbandoningUiDriver ?? new AbandoningUiDriver(driver);

    private static Task<T> Abandonable<T>(Task<T> operation, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || operation.IsCompleted) return operation;
        // An abandoned operation may still fail later (the browser closes under it); that failure is observed here
        // so it does not surface as an unobserved task exception.
        _ = operation.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return operation.WaitAsync(cancellationToken);
    }
}
