using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

public sealed partial class PlaywrightDriver
{
    private static readonly TimeSpan MinimumActionTime = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public async Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        _lastActed = null;
        _untouched = false;
        if (await RefuseSecretAsync(action).ConfigureAwait(false) is { } refused) return refused;
        BeginAction();
        var result = await ActAsync(action, cancellationToken).ConfigureAwait(false);
        var dialogs = EndAction();
        return dialogs.Count == 0 ? result : result with { Dialogs = dialogs };
    }

    private async Task<ActionResult> ActAsync(UiAction action, CancellationToken cancellationToken)
    {
        try
        {
            return (action.Kind, action.Target) switch
            {
                (ActionKind.Goto, _) => await GotoAsync(action).ConfigureAwait(false),
                (ActionKind.Press, null) => await PressOnPageAsync(action).ConfigureAwait(false),
                (ActionKind.Scroll, null) => await ScrollPageAsync(action).ConfigureAwait(false),
                (ActionKind.WaitFor, null) or (ActionKind.Assert, null) => await WaitForTextAsync(action, cancellationToken).ConfigureAwait(false),
                (ActionKind.Drag, _) => await DragAsync(action, cancellationToken).ConfigureAwait(false),
                (ActionKind.Extract, null) => ActionResult.Success(extracted: await Page.Locator("body").InnerTextAsync(new() { Timeout = Ms(action.Timeout) }).ConfigureAwait(false)),
                _ => await ActOnTargetAsync(action, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (TimeoutException ex)
        {
            return Classify(action, ex, timedOut: true);
        }
        catch (PlaywrightException ex)
        {
            return Classify(action, ex, timedOut: false);
        }
    }

    private async Task<ActionResult> GotoAsync(UiAction action)
    {
        if (string.IsNullOrWhiteSpace(action.Value)) return ActionResult.Failure(ActionFailureKind.InvalidStep, "goto needs a URL in its value.");
        if (!TryResolveUrl(action.Value, out var url))
        {
            return ActionResult.Failure(ActionFailureKind.NavigationFailed,
                $"Cannot open \"{action.Value}\": it is not an absolute URL and there is no page URL or BaseUrl to resolve it against.");
        }
        if (!_allowList.Allows(url, navigation: true))
        {
            return ActionResult.Failure(ActionFailureKind.NavigationFailed, IsWebScheme(url)
                ? $"Navigation to host \"{url.Host}\" is not allowed by the allow-list ({url})."
                : $"Navigation to a {url.Scheme}: URL is not allowed: only http(s) pages are opened unless the allow-list names \"{url.Scheme}:\" ({url}).");
        }
        try
        {
            await Page.GotoAsync(url.ToString(), new() { Timeout = Ms(action.Timeout) }).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return ActionResult.Failure(ActionFailureKind.Timeout, $"Timed out after {Seconds(action.Timeout)} waiting for {url} to load.");
        }
        catch (PlaywrightException ex)
        {
            return ActionResult.Failure(ActionFailureKind.NavigationFailed, $"Could not open {url}: {TargetResolver.FirstLine(ex.Message)}");
        }
        return ActionResult.Success();
    }

    private bool TryResolveUrl(string value, out Uri url)
    {
        // On Unix, .NET parses "/path" (and "//host/path") as an absolute file: URI; for a goto it is a path on the
        // app's origin, so only a value that names its scheme is absolute.
        var namesScheme = !value.StartsWith('/') && !value.StartsWith('\\');
        if (namesScheme && Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1)
        {
            url = absolute;
            return true;
        }
        var current = Uri.TryCreate(Page.Url, UriKind.Absolute, out var pageUrl) && pageUrl.Scheme is "http" or "https" ? pageUrl : _options.BaseUrl;
        if (current is not null && Uri.TryCreate(current, value, out var relative))
        {
            url = relative;
            return true;
        }
        url = null!;
        return false;
    }

    private async Task<ActionResult> PressOnPageAsync(UiAction action)
    {
        if (string.IsNullOrWhiteSpace(action.Value)) return ActionResult.Failure(ActionFailureKind.InvalidStep, "press needs a key in its value (Enter, Tab, Control+A).");
        // A secret is never a key name: it is keyed into the focused element, character by character (a PIN pad).
        if (action.ValueIsSecret) await Page.Keyboard.TypeAsync(action.Value).ConfigureAwait(false);
        else await Page.Keyboard.PressAsync(action.Value).ConfigureAwait(false);
        return ActionResult.Success();
    }

    private async Task<ActionResult> ScrollPageAsync(UiAction action)
    {
        var direction = (action.Value ?? "down").Trim().ToUpperInvariant();
        var script = direction switch
        {
            "DOWN" => "() => window.scrollBy(0, window.innerHeight * 0.8)",
            "UP" => "() => window.scrollBy(0, -window.innerHeight * 0.8)",
            "TOP" => "() => window.scrollTo(0, 0)",
            "BOTTOM" => "() => window.scrollTo(0, document.documentElement.scrollHeight)",
            _ => null,
        };
        if (script is null) return ActionResult.Failure(ActionFailureKind.InvalidStep, $"scroll without a target takes down, up, top or bottom, not \"{action.Value}\".");
        await Page.EvaluateAsync(script).ConfigureAwait(false);
        return ActionResult.Success();
    }

    private async Task<ActionResult> WaitForTextAsync(UiAction action, CancellationToken cancellationToken)
    {
        var verb = action.Kind.ToName();
        if (string.IsNullOrEmpty(action.Value)) return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} needs a target or a text value.");
        var shown = action.ValueIsSecret ? "the secret text" : $"text \"{action.Value}\"";
        var start = _options.TimeProvider.GetTimestamp();
        while (true)
        {
            foreach (var frame in Page.Frames.Where(f => !f.IsDetached))
            {
                try
                {
                    if (await frame.GetByText(action.Value).Filter(new() { Visible = true }).CountAsync().ConfigureAwait(false) > 0) return ActionResult.Success();
                }
                catch (PlaywrightException) when (frame.IsDetached)
                {
                    // The frame went away between listing and probing; the next pass sees the new frames.
                }
            }
            if (_options.TimeProvider.GetElapsedTime(start) >= action.Timeout) break;
            await Task.Delay(TimeSpan.FromMilliseconds(150), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        if (action.Kind == ActionKind.WaitFor)
        {
            return ActionResult.Failure(ActionFailureKind.Timeout, $"Timed out after {Seconds(action.Timeout)} waiting for {shown} to be visible.");
        }
        var seen = action.ValueIsSecret ? "" : $" The page shows: \"{await VisibleTextExcerptAsync().ConfigureAwait(false)}\".";
        return ActionResult.Failure(ActionFailureKind.AssertionFailed, $"Expected {shown} to be visible on \"{await Page.TitleAsync().ConfigureAwait(false)}\" ({Page.Url}).{seen}");
    }

    private async Task<string> VisibleTextExcerptAsync()
    {
        try
        {
            var text = await Page.Locator("body").InnerTextAsync(new() { Timeout = 1000 }).ConfigureAwait(false);
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return text.Length > 300 ? text[..300] + "…" : text;
        }
        catch (PlaywrightException)
        {
            return "";
        }
    }

    private async Task<ActionResult> ActOnTargetAsync(UiAction action, CancellationToken cancellationToken)
    {
        var verb = action.Kind.ToName();
        if (action.Target is not { } target) return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} needs a target.");
        if (target.IsSemanticOnly)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, $"The target \"{target.Description}\" must be grounded first: it has no locator layer (ref, role, label, css, box...).");
        }
        if (action.Kind is ActionKind.Fill or ActionKind.Type or ActionKind.Select && action.Value is null)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} needs a value.");
        }
        if (action.Kind == ActionKind.Press && string.IsNullOrWhiteSpace(action.Value))
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, "press needs a key in its value (Enter, Tab, Control+A).");
        }

        var start = _options.TimeProvider.GetTimestamp();
        if (action.Kind == ActionKind.Click && _resolver.SingleLayer(target) is { } single
            && await ClickWhileDescribingAsync(target, single.Layer, single.Locator, Ms(action.Timeout)).ConfigureAwait(false) is { } clicked)
        {
            return clicked;
        }
        var left = action.Timeout - _options.TimeProvider.GetElapsedTime(start);
        var outcome = await _resolver.ResolveAsync(target, left < TimeSpan.Zero ? TimeSpan.Zero : left, cancellationToken, readFacts: true,
            likelyLate: action.Kind == ActionKind.WaitFor).ConfigureAwait(false);
        if (outcome.Element is not { } element) return await NotFoundAsync(action, target, outcome).ConfigureAwait(false);

        var facts = await ElementDescriber.ReadAsync(Page, element, target).ConfigureAwait(false);
        var resolved = facts.Target;
        var remaining = action.Timeout - _options.TimeProvider.GetElapsedTime(start);
        var timeout = Ms(remaining < MinimumActionTime ? MinimumActionTime : remaining);
        var value = action.Value ?? "";
        string? extracted = null;

        if (element.Locator is { } locator)
        {
            if (await RefuseSecretInFrameAsync(action, locator, facts).ConfigureAwait(false) is { } refused) return refused with { ResolvedTarget = resolved };
            // A read-only field never becomes editable: say so at once instead of waiting out the timeout.
            if (action.Kind is ActionKind.Fill or ActionKind.Type && (facts.Read ? facts.ReadOnly : await IsReadOnlyAsync(locator).ConfigureAwait(false)))
            {
                return ActionResult.Failure(ActionFailureKind.NotActionable,
                    $"{target} was found but is read-only: it cannot be typed into (a picker or another control sets it).") with { ResolvedTarget = resolved };
            }
            switch (action.Kind)
            {
                case ActionKind.Click:
                    await locator.ClickAsync(new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Fill:
                    var number = await TryFillNumberAsync(action, locator, value, timeout, facts).ConfigureAwait(false);
                    if (number is { Succeeded: false }) return number with { ResolvedTarget = resolved };
                    if (number is null) await locator.FillAsync(value, new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Type:
                    // Clear, then key by key with a small delay so autocomplete and input handlers react as to a person.
                    await locator.FillAsync("", new() { Timeout = timeout }).ConfigureAwait(false);
                    await locator.PressSequentiallyAsync(value, new() { Delay = 30, Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Select:
                    var selectFailure = await SelectAsync(action, element, locator, timeout).ConfigureAwait(false);
                    if (selectFailure is not null) return selectFailure;
                    break;
                case ActionKind.Check:
                    await locator.CheckAsync(new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Uncheck:
                    await locator.UncheckAsync(new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Press when action.ValueIsSecret:
                    await locator.PressSequentiallyAsync(value, new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Press:
                    await locator.PressAsync(value, new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Hover:
                    await locator.HoverAsync(new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Scroll:
                    await locator.ScrollIntoViewIfNeededAsync(new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.WaitFor:
                    break; // resolution already waited for one visible element
                case ActionKind.Extract:
                    extracted = await locator.EvaluateAsync<string>(
                        "el => el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : ('value' in el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) ? el.value : el.innerText",
                        null, new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Assert:
                    var assertFailure = await AssertTextAsync(action, locator, remaining, cancellationToken).ConfigureAwait(false);
                    if (assertFailure is not null) return assertFailure;
                    break;
                default:
                    return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} is not supported by the browser driver.");
            }
            if (resolved is not null) _lastActed = new ActedElement(resolved, locator);
        }
        else
        {
            var (x, y) = element.Box!.Center;
            switch (action.Kind)
            {
                case ActionKind.Click or ActionKind.Check or ActionKind.Uncheck:
                    await Page.Mouse.ClickAsync((float)x, (float)y).ConfigureAwait(false);
                    break;
                case ActionKind.Fill or ActionKind.Type:
                    await Page.Mouse.ClickAsync((float)x, (float)y).ConfigureAwait(false);
                    await Page.Keyboard.PressAsync("ControlOrMeta+A").ConfigureAwait(false);
                    await Page.Keyboard.TypeAsync(value, new() { Delay = action.Kind == ActionKind.Type ? 30 : 0 }).ConfigureAwait(false);
                    break;
                case ActionKind.Press:
                    await Page.Mouse.ClickAsync((float)x, (float)y).ConfigureAwait(false);
                    if (action.ValueIsSecret) await Page.Keyboard.TypeAsync(value).ConfigureAwait(false);
                    else await Page.Keyboard.PressAsync(value).ConfigureAwait(false);
                    break;
                case ActionKind.Hover:
                    await Page.Mouse.MoveAsync((float)x, (float)y).ConfigureAwait(false);
                    break;
                case ActionKind.Select:
                    await Page.Mouse.ClickAsync((float)x, (float)y).ConfigureAwait(false);
                    var option = await FindOptionAsync(Page.MainFrame, value, timeout).ConfigureAwait(false);
                    if (option is null) return ActionResult.Failure(ActionFailureKind.TargetNotFound, $"Clicked {target} at {x:0},{y:0} but no option {Shown(action)} appeared.");
                    await option.ClickAsync(new() { Timeout = timeout }).ConfigureAwait(false);
                    break;
                case ActionKind.Extract:
                    extracted = resolved?.Text ?? resolved?.Name ?? "";
                    break;
                case ActionKind.Scroll or ActionKind.WaitFor or ActionKind.Assert:
                    break; // a box is on screen by definition
                default:
                    return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} is not supported by the browser driver.");
            }
        }
        return ActionResult.Success(resolved, element.Layer, extracted);
    }

    private async Task<ActionResult?> SelectAsync(UiAction action, ResolvedElement element, ILocator locator, float timeout)
    {
        var value = action.Value!;
        var isNativeSelect = await locator.EvaluateAsync<bool>("el => el instanceof HTMLSelectElement").ConfigureAwait(false);
        if (isNativeSelect)
        {
            var options = await locator.EvaluateAsync<string[]>("el => Array.from(el.options).map(o => o.label + '\\u0000' + o.value)").ConfigureAwait(false);
            var matches = options.Select(o => o.Split('\0')).Where(p => p[0] == value || p[1] == value).ToList();
            if (matches.Count == 0)
            {
                // Fall back to a case-insensitive label match before giving up.
                matches = [.. options.Select(o => o.Split('\0')).Where(p => string.Equals(p[0].Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase))];
            }
            if (matches.Count == 0)
            {
                var available = string.Join(", ", options.Select(o => $"\"{o.Split('\0')[0]}\""));
                return ActionResult.Failure(ActionFailureKind.TargetNotFound, $"{action.Target} has no option {Shown(action)}. Options: {available}.");
            }
            await locator.SelectOptionAsync(new SelectOptionValue { Value = matches[0][1] }, new() { Timeout = timeout }).ConfigureAwait(false);
            return null;
        }
        // A custom combobox or listbox: open it, then click the option by its accessible name.
        await locator.ClickAsync(new() { Timeout = timeout }).ConfigureAwait(false);
        var option = await FindOptionAsync(element.Frame, value, timeout).ConfigureAwait(false);
        if (option is null)
        {
            var seen = await _resolver.ClosestNamesAsync(new ElementTarget { Role = "option", Name = value }).ConfigureAwait(false);
            var names = action.ValueIsSecret || seen.Count == 0 ? "" : $" Options seen: {string.Join(", ", seen)}.";
            return ActionResult.Failure(ActionFailureKind.TargetNotFound, $"Opened {action.Target} but found no visible option {Shown(action)}.{names}");
        }
        await option.ClickAsync(new() { Timeout = timeout }).ConfigureAwait(false);
        return null;
    }

    // An exact-name option wins over a substring match; waits briefly for the list to render.
    private async Task<ILocator?> FindOptionAsync(IFrame frame, string value, float timeout)
    {
        var start = _options.TimeProvider.GetTimestamp();
        var budget = TimeSpan.FromMilliseconds(Math.Min(timeout, 3000));
        while (true)
        {
            foreach (var exact in new[] { true, false })
            {
                var option = frame.GetByRole(AriaRole.Option, new() { Name = value, Exact = exact }).Filter(new() { Visible = true });
                if (await option.CountAsync().ConfigureAwait(false) >= 1) return option.First;
            }
            if (_options.TimeProvider.GetElapsedTime(start) >= budget) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(100), _options.TimeProvider).ConfigureAwait(false);
        }
    }

    private async Task<ActionResult?> AssertTextAsync(UiAction action, ILocator locator, TimeSpan remaining, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(action.Value)) return null; // visible is all that was asked
        var start = _options.TimeProvider.GetTimestamp();
        string actual;
        while (true)
        {
            actual = await locator.EvaluateAsync<string>("el => ('value' in el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) ? el.value : el.innerText").ConfigureAwait(false);
            if (actual.Contains(action.Value, StringComparison.OrdinalIgnoreCase)) return null;
            if (_options.TimeProvider.GetElapsedTime(start) >= remaining) break;
            await Task.Delay(TimeSpan.FromMilliseconds(150), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        var seen = action.ValueIsSecret ? "" : $", but it shows \"{Excerpt(actual)}\"";
        return ActionResult.Failure(ActionFailureKind.AssertionFailed, $"Expected {action.Target} to contain {Shown(action)}{seen}.");
    }

    private async Task<ActionResult> NotFoundAsync(UiAction action, ElementTarget target, ResolveOutcome outcome)
    {
        var closest = await _resolver.ClosestNamesAsync(target).ConfigureAwait(false);
        var seen = closest.Count == 0 ? "" : $" Closest on the page: {string.Join(", ", closest)}.";
        var where = $"on \"{await Page.TitleAsync().ConfigureAwait(false)}\" ({Page.Url})";
        return action.Kind switch
        {
            ActionKind.WaitFor => ActionResult.Failure(ActionFailureKind.Timeout,
                $"Timed out after {Seconds(action.Timeout)} waiting for {target} to be visible {where}. Tried: {outcome.TriedText}.{seen}"),
            ActionKind.Assert => ActionResult.Failure(ActionFailureKind.AssertionFailed,
                $"Expected {target} to be visible {where}, but it was not. Tried: {outcome.TriedText}.{seen}"),
            _ when outcome.Ambiguous => ActionResult.Failure(ActionFailureKind.TargetAmbiguous,
                $"{target} matched more than one element {where} and no layer narrowed it to one. Tried: {outcome.TriedText}.{seen}"),
            _ => ActionResult.Failure(ActionFailureKind.TargetNotFound,
                $"No element matched {target} {where} within {Seconds(action.Timeout)}. Tried: {outcome.TriedText}.{seen}"),
        };
    }

    private static ActionResult Classify(UiAction action, Exception ex, bool timedOut)
    {
        var message = ex.Message;
        var what = action.Target?.ToString() ?? "the page";
        var detail = TargetResolver.FirstLine(message);
        if (message.Contains("Unknown key", StringComparison.Ordinal))
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{action.Kind.ToName()}: {detail}");
        }
        string[] notActionable = ["not enabled", "intercepts pointer events", "not editable", "not visible", "not stable", "disabled", "Not a checkbox", "not an <input>"];
        var reason = notActionable.FirstOrDefault(n => message.Contains(n, StringComparison.OrdinalIgnoreCase));
        if (reason is not null)
        {
            return ActionResult.Failure(ActionFailureKind.NotActionable, $"{what} was found but could not be {Verb(action.Kind)}: {reason} ({detail}).");
        }
        return timedOut
            ? ActionResult.Failure(ActionFailureKind.Timeout, $"Timed out after {Seconds(action.Timeout)} waiting to {action.Kind.ToName()} {what}: {detail}")
            : ActionResult.Failure(ActionFailureKind.NotActionable, $"Could not {action.Kind.ToName()} {what}: {detail}");
    }

    private static string Verb(ActionKind kind) => kind switch
    {
        ActionKind.Fill or ActionKind.Type => "typed into",
        ActionKind.Select => "selected from",
        ActionKind.Check => "checked",
        ActionKind.Uncheck => "unchecked",
        ActionKind.Hover => "hovered",
        ActionKind.Press => "sent keys",
        _ => "clicked",
    };

    private static string Shown(UiAction action) => action.ValueIsSecret ? "(secret value)" : $"\"{action.Value}\"";

    private static string Excerpt(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    private static float Ms(TimeSpan timeout) => (float)Math.Max(1, timeout.TotalMilliseconds);

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";

    private static async Task<bool> IsReadOnlyAsync(ILocator locator)
    {
        try
        {
            return await locator.EvaluateAsync<bool>("e => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement) && e.readOnly", null,
                new() { Timeout = 1000 }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return false; // could not tell (or the element is gone): let the action itself decide
        }
    }
}
