namespace ActionAgent.Core.Ports;

/// <summary>
/// An optional capability of a <see cref="IUiDriver"/>: waits, event-driven, until a condition on the UI holds
/// (a URL, an element visible or gone, a field's value). Replay verifies recorded checks through it; a driver
/// without it is checked by polling observations instead.
/// </summary>
public interface IUiStateProbe
{
    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="timeout"/> runs out.</summary>
    Task<ProbeResult> WaitUntilAsync(UiCondition condition, TimeSpan timeout, CancellationToken cancellationToken);
}
