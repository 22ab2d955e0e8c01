using System.Diagnostics;
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

    // Playwright's waits and assertions look again 0, 20, 50, 100 and 100 ms after each miss, then every 500 ms; the
    // 500 ms step is dropped when it is more than a fifth of the call's timeout. A check's wait is therefore sent in
    // windows of at most this long, so that it keeps looking every 100 ms for its whole time: a check that holds 0.8 s
    // after a click (a search answering) is seen then, not up to half a second later.
    private static readonly TimeSpan WaitWindow = TimeSpan.FromSeconds(2);

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
                    var text = Page.GetByText(condition.Expected ?? "").Filter(new() { Visible = true }).First;
                    await InWindowsAsync(window => text.WaitForAsync(new() { Timeout = window }), timeout, cancellationToken).ConfigureAwait(false);
                    return new ProbeResult(true);
                case UiConditionKind.Visible:
                    var shown = ConditionLocator(condition).Filter(new() { Visible = true }).First;
                    await InWindowsAsync(window => shown.WaitForAsync(new() { Timeout = window }), timeout, cancellationToken).ConfigureAwait(false);
                    return new ProbeResult(true);
                case UiConditionKind.Hidden:
                    var gone = Assertions.Expect(ConditionLocator(condition).Filter(new() { Visible = true }));
                    await InWindowsAsync(window => gone.ToHaveCountAsync(0, new() { Timeout = window }), timeout, cancellationToken).ConfigureAwait(false);
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
        var expect = Assertions.Expect(locator);
        var kind = condition.Kind;
        await InWindowsAsync(window =>
            kind == UiConditionKind.Value ? expect.ToHaveValueAsync(condition.Expected ?? "", new() { Timeout = window })
            : kind == UiConditionKind.Checked ? expect.ToBeCheckedAsync(new() { Timeout = window })
            : expect.Not.ToBeCheckedAsync(new() { Timeout = window }), timeout, cancellationToken).ConfigureAwait(false);
        return new ProbeResult(true);
    }

    /// <summary>
    /// Runs a Playwright wait or assertion for <paramref name="timeout"/> in windows of at most <see cref="WaitWindow"/>
    /// (see there), one after the other, until one holds. Only a window that ran its whole time starts the next; the
    /// last window's failure, or any other error, is the caller's. The windows are timed on the real clock, as
    /// Playwright's timeouts are.
    /// </summary>
    private static async Task InWindowsAsync(Func<float, Task> wait, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var windows = Math.Max(1, (int)Math.Ceiling(timeout / WaitWindow));
        var window = timeout / windows;
        for (var i = 1; ; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await wait(Ms(window)).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (i < windows && e is TimeoutException or PlaywrightException
                                      && Stopwatch.GetElapsedTime(started) >= window * 0.9)
            {
                // This window ran out (an assertion says so as a PlaywrightException): the next one goes on looking.
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
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
