using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// Drag and drop. Playwright's DragTo drives the mouse and, in Chromium, turns it into HTML5 drag events (dragstart,
// dragover, drop) when the page starts a native drag. Pages that build drag from pointer or mouse events (sortable
// lists, boards) often ignore a single jump from one point to the other: they wait for the pointer to travel past a
// threshold. So when DragTo changed nothing in the DOM, the drag is done again as a person does it: press, nudge,
// travel in small steps, pause over the target, release.
public sealed partial class PlaywrightDriver
{
    private const int DragSteps = 12;

    // What a drop changes: where the dragged element sits (its parent, its place there, its box), or that it went
    // away (a list drawn anew), and what the drop element holds. Hover styles and "dragging…" status lines do not count.
    private const string DropSignature = """
        ([source, drop]) => {
          const where = (el) => {
            if (!el.isConnected) return 'gone';
            const r = el.getBoundingClientRect();
            const parent = el.parentElement;
            return [parent ? Array.from(parent.children).indexOf(el) : -1, parent ? parent.tagName + '#' + parent.id : '', Math.round(r.x), Math.round(r.y)].join(',');
          };
          const holds = (el) => el.isConnected ? el.querySelectorAll('*').length + ':' + (el.textContent || '').length : 'gone';
          return where(source) + '|' + holds(drop);
        }
        """;

    private async Task<ActionResult> DragAsync(UiAction action, CancellationToken cancellationToken)
    {
        if (action.Target is not { } source || action.Step.DropTarget is not { } drop)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, "drag needs a target (what to drag) and a drop target (where to drop it).");
        }
        if (source.IsSemanticOnly || drop.IsSemanticOnly)
        {
            var which = source.IsSemanticOnly ? source : drop;
            return ActionResult.Failure(ActionFailureKind.InvalidStep, $"The target \"{which.Description}\" must be grounded first: it has no locator layer (ref, role, label, css, box...).");
        }
        var start = _options.TimeProvider.GetTimestamp();
        var from = await _resolver.ResolveAsync(source, action.Timeout, cancellationToken, readFacts: true).ConfigureAwait(false);
        if (from.Element is not { } dragged) return await NotFoundAsync(action, source, from).ConfigureAwait(false);
        var left = action.Timeout - _options.TimeProvider.GetElapsedTime(start);
        var to = await _resolver.ResolveAsync(drop, left < MinimumActionTime ? MinimumActionTime : left, cancellationToken, readFacts: true).ConfigureAwait(false);
        if (to.Element is not { } target)
        {
            var failed = await NotFoundAsync(action with { Step = action.Step with { Target = drop } }, drop, to).ConfigureAwait(false);
            return failed with { Error = $"Drop target: {failed.Error}" };
        }

        var resolvedSource = await ElementDescriber.DescribeAsync(Page, dragged, source).ConfigureAwait(false);
        var resolvedDrop = await ElementDescriber.DescribeAsync(Page, target, drop).ConfigureAwait(false);
        var remaining = action.Timeout - _options.TimeProvider.GetElapsedTime(start);
        var timeout = Ms(remaining < MinimumActionTime ? MinimumActionTime : remaining);

        if (dragged.Locator is { } a && target.Locator is { } b)
        {
            // Handles, not locators, are compared: a page that redraws its list on drop detaches both elements,
            // and a locator would wait for them to come back.
            var fromPoint = await CenterAsync(a, resolvedSource).ConfigureAwait(false);
            var toPoint = await CenterAsync(b, resolvedDrop).ConfigureAwait(false);
            var handles = new[] { await a.ElementHandleAsync(new() { Timeout = timeout }).ConfigureAwait(false), await b.ElementHandleAsync(new() { Timeout = timeout }).ConfigureAwait(false) };
            var before = await SignatureAsync(handles).ConfigureAwait(false);
            await a.DragToAsync(b, new() { Timeout = timeout }).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(100), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (before is not null && await SignatureAsync(handles).ConfigureAwait(false) == before)
            {
                await SteppedDragAsync(fromPoint, toPoint, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // One end is known only by its box: only the mouse can reach it.
            var fromPoint = dragged.Box?.Center ?? await CenterAsync(dragged.Locator!, resolvedSource).ConfigureAwait(false);
            var toPoint = target.Box?.Center ?? await CenterAsync(target.Locator!, resolvedDrop).ConfigureAwait(false);
            await SteppedDragAsync(fromPoint, toPoint, cancellationToken).ConfigureAwait(false);
        }
        return ActionResult.Success(resolvedSource, dragged.Layer) with { ResolvedDropTarget = resolvedDrop, DropResolvedBy = target.Layer };
    }

    /// <summary>Press, nudge past any start threshold, travel in steps, pause over the target so it can react, release.</summary>
    private async Task SteppedDragAsync((double X, double Y) from, (double X, double Y) to, CancellationToken cancellationToken)
    {
        var mouse = Page.Mouse;
        await mouse.MoveAsync((float)from.X, (float)from.Y).ConfigureAwait(false);
        await mouse.DownAsync().ConfigureAwait(false);
        await mouse.MoveAsync((float)from.X + 6, (float)from.Y + 6, new() { Steps = 3 }).ConfigureAwait(false);
        await mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = DragSteps }).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(60), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        await mouse.MoveAsync((float)to.X, (float)to.Y + 1).ConfigureAwait(false);
        await mouse.UpAsync().ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(60), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(double X, double Y)> CenterAsync(ILocator locator, ElementTarget? described)
    {
        if (await locator.BoundingBoxAsync(new() { Timeout = 2000 }).ConfigureAwait(false) is { } box) return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        return described?.Box?.Center ?? throw new PlaywrightException("the element has no box on the screen: it cannot be dragged or dropped on");
    }

    private static async Task<string?> SignatureAsync(IReadOnlyList<IElementHandle> elements)
    {
        try
        {
            // Both ends may live in different frames: each is read in its own document.
            var source = await elements[0].EvaluateAsync<string>($"(el) => ({DropSignature})([el, el])").ConfigureAwait(false);
            var drop = await elements[1].EvaluateAsync<string>($"(el) => ({DropSignature})([el, el])").ConfigureAwait(false);
            return source.Split('|')[0] + "|" + drop.Split('|')[1];
        }
        catch (PlaywrightException)
        {
            return null; // a document went away (a navigation): something happened
        }
    }
}
