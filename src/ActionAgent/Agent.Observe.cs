using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent;

public sealed partial class Agent
{
    /// <summary>
    /// Looks at the current page as the planners do: its URL, title and accessibility snapshot (roles, names, refs and
    /// boxes, with the clickables the snapshot leaves out), without a screenshot.
    /// </summary>
    /// <param name="cancellationToken">Cancels the look (it waits for a run in progress to end).</param>
    /// <returns>The observation.</returns>
    /// <exception cref="InvalidOperationException">There is no current page yet.</exception>
    public async Task<UiObservation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await CurrentDriver().ObserveAsync(ObserveOptions.SnapshotOnly, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A PNG screenshot of the current page's viewport, taken as the recordings take theirs.</summary>
    /// <param name="cancellationToken">Cancels the screenshot (it waits for a run in progress to end).</param>
    /// <returns>The PNG bytes.</returns>
    /// <exception cref="InvalidOperationException">There is no current page yet.</exception>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await CurrentDriver().ScreenshotAsync([], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
