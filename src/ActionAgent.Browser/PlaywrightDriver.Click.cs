using System.Runtime.ExceptionServices;
using System.Text.Json;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

public sealed partial class PlaywrightDriver
{
    /// <summary>
    /// A click on a target of one DOM layer (<see cref="TargetResolver.SingleLayer"/>), with the element's description
    /// read in the same moment: the evaluation that counts the layer's visible matches and describes the single one, and
    /// the click on the same visible match, are sent back to back instead of one after the other's answer (no gate of a
    /// click needs the description; a replay step saves a round trip). The page runs them in the order sent, and the
    /// click still has to find the element, wait for it to be stable and hit-test it, so the description is of the
    /// element before it was clicked: a button renamed by its own click is reported (and recorded) by its old name.
    /// <para>
    /// When the first look did not see exactly one visible match, the click went on as Playwright's own (it waits for
    /// one, and refuses several). If it clicked, the element showed (or became the only one) after the first look; it
    /// is described as it is after the click when the layer still finds it, else as the target asked for. If it did
    /// not, null: nothing was clicked and the resolver decides with the time left, as for any other action.
    /// </para>
    /// </summary>
    private async Task<ActionResult?> ClickWhileDescribingAsync(ElementTarget target, string layer, ILocator locator, float timeout)
    {
        var visible = locator.Filter(new() { Visible = true });
        var reading = visible.EvaluateAllAsync<JsonElement>(ElementDescriber.CountedFacts);
        var clicking = visible.ClickAsync(new() { Timeout = timeout });
        var count = -1;
        JsonElement? facts = null;
        try
        {
            var counted = await reading.ConfigureAwait(false);
            count = counted.GetProperty("count").GetInt32();
            if (count == 1) facts = counted.GetProperty("facts");
        }
        catch (PlaywrightException)
        {
            // An invalid selector or a page that navigated: the click fails the same way, or the resolver says why.
        }
        Exception? failure = null;
        try
        {
            await clicking.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            failure = ex;
        }
        if (count == 1)
        {
            // Found at the first look: a failed click is classified as any click on a found element is.
            if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
            var resolved = (await ElementDescriber.ReadAsync(Page, new ResolvedElement(layer, visible, null, Page.MainFrame, facts), target).ConfigureAwait(false)).Target;
            if (resolved is not null) _lastActed = new ActedElement(resolved, visible);
            return ActionResult.Success(resolved, layer);
        }
        if (failure is not null) return null;
        var after = await _resolver.TryOnceAsync(target, readFacts: true).ConfigureAwait(false);
        var described = after.Element is { } element ? (await ElementDescriber.ReadAsync(Page, element, target).ConfigureAwait(false)).Target : null;
        return ActionResult.Success(described ?? target, layer);
    }
}
