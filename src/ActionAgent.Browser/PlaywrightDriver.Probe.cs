using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// Replay's sync points: Playwright's own waits (URL events, element states, in-page polling of assertions), no sleeps.
public sealed partial class PlaywrightDriver : IUiStateProbe
{
    // The element the last action acted on, as it was reported (ActionResult.ResolvedTarget) and the locator that acted.
    // A check of that element's value or checked state right after (a fill's "value is ...") is asserted on that
    // locator instead of resolving the reported target again: the same element, one count fewer.
    private ActedElement? _lastActed;

    private sealed record ActedElement(ElementTarget Reported, ILocator Locator);

    /// <inheritdoc />
    public async Task<ProbeResult> WaitUntilAsync(UiCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var ms = Ms(timeout);
        try
        {
            switch (condition.Kind)
            {
                case UiConditionKind.Url:
                    var matches = condition.UrlMatches ?? (_ => true);
                    if (!matches(Page.Url)) await Page.WaitForURLAsync(u => matches(u), new() { Timeout = ms, WaitUntil = WaitUntilState.Commit }).ConfigureAwait(false);
                    return new ProbeResult(true);
                case UiConditionKind.TextVisible:
                    await Page.GetByText(condition.Expected ?? "").Filter(new() { Visible = true }).First.WaitForAsync(new() { Timeout = ms }).ConfigureAwait(false);
                    return new ProbeResult(true);
                case UiConditionKind.Visible:
                    await ConditionLocator(condition).Filter(new() { Visible = true }).First.WaitForAsync(new() { Timeout = ms }).ConfigureAwait(false);
                    return new ProbeResult(true);
                case UiConditionKind.Hidden:
                    await Assertions.Expect(ConditionLocator(condition).Filter(new() { Visible = true })).ToHaveCountAsync(0, new() { Timeout = ms }).ConfigureAwait(false);
                    return new ProbeResult(true);
                case UiConditionKind.Value or UiConditionKind.Checked or UiConditionKind.Unchecked:
                    return await ElementStateAsync(condition, timeout, cancellationToken).ConfigureAwait(false);
                default:
                    return new ProbeResult(false, $"unknown condition {condition.Kind}");
            }
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            return new ProbeResult(false, await SeenAsync(condition).ConfigureAwait(false));
        }
    }

    private async Task<ProbeResult> ElementStateAsync(UiCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = condition.Target ?? throw new ArgumentException($"A {condition.Kind} condition needs a target.", nameof(condition));
        ILocator locator;
        if (_lastActed is { } acted && acted.Reported.Equals(target))
        {
            locator = acted.Locator;
        }
        else
        {
            var outcome = await _resolver.ResolveAsync(target with { Box = null }, timeout, cancellationToken).ConfigureAwait(false);
            if (outcome.Element?.Locator is not { } found) return new ProbeResult(false, $"{target} not found ({outcome.TriedText})");
            locator = found;
        }
        var ms = Ms(timeout);
        var expect = Assertions.Expect(locator);
        if (condition.Kind == UiConditionKind.Value) await expect.ToHaveValueAsync(condition.Expected ?? "", new() { Timeout = ms }).ConfigureAwait(false);
        else if (condition.Kind == UiConditionKind.Checked) await expect.ToBeCheckedAsync(new() { Timeout = ms }).ConfigureAwait(false);
        else await expect.Not.ToBeCheckedAsync(new() { Timeout = ms }).ConfigureAwait(false);
        return new ProbeResult(true);
    }

    private ILocator ConditionLocator(UiCondition condition)
    {
        var target = condition.Target ?? throw new ArgumentException($"A {condition.Kind} condition needs a target.", nameof(condition));
        if (target.Role is { } role) return Page.GetByRole(TargetResolver.ParseRole(role), new() { Name = target.Name, Exact = target.Exact });
        if (target.Label is { } label) return Page.GetByLabel(label, new() { Exact = target.Exact });
        if (target.Text is { } text) return Page.GetByText(text, new() { Exact = target.Exact });
        if (target.Css is { } css) return Page.Locator(css);
        if (target.XPath is { } xpath) return Page.Locator("xpath=" + xpath);
        throw new ArgumentException($"The condition's target {target} has no DOM layer.", nameof(condition));
    }

    private async Task<string> SeenAsync(UiCondition condition)
    {
        try
        {
            switch (condition.Kind)
            {
                case UiConditionKind.Url:
                    return $"the page is at {Page.Url}";
                case UiConditionKind.Value when condition.Target is { } t:
                    var found = await _resolver.TryOnceAsync(t with { Box = null }).ConfigureAwait(false);
                    return found.Element?.Locator is { } l ? $"the value is \"{await l.InputValueAsync(new() { Timeout = 1000 }).ConfigureAwait(false)}\"" : "the field is gone";
                case UiConditionKind.Visible or UiConditionKind.Hidden:
                    var closest = condition.Target is null ? [] : await _resolver.ClosestNamesAsync(condition.Target with { Exact = false }).ConfigureAwait(false);
                    return closest.Count == 0 ? $"on \"{await Page.TitleAsync().ConfigureAwait(false)}\"" : $"closest on the page: {string.Join(", ", closest)}";
                default:
                    return $"on \"{await Page.TitleAsync().ConfigureAwait(false)}\" ({Page.Url})";
            }
        }
        catch (PlaywrightException)
        {
            return "the page could not be read";
        }
    }
}
