using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Desktop.AtSpi;
using ActionAgent.Desktop.Snapshot;
using ActionAgent.Desktop.X11;

namespace ActionAgent.Desktop;

public sealed partial class AtSpiDriver
{
    // The names toolkits give the "do it" action, most specific first.
    private static readonly string[] ClickActions = ["click", "press", "activate", "jump", "toggle", "open", "select"];

    /// <inheritdoc />
    public async Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var verb = action.Kind.ToName();
        try
        {
            return (action.Kind, action.Target) switch
            {
                (ActionKind.Goto, _) => ActionResult.Failure(ActionFailureKind.InvalidStep, "goto opens a URL in a browser; a desktop scenario starts its app from app.desktop."),
                (ActionKind.Press, null) => await PressKeysAsync(action, null, cancellationToken).ConfigureAwait(false),
                (ActionKind.Scroll, null) => ActionResult.Success(),
                (ActionKind.WaitFor, null) or (ActionKind.Assert, null) => await WaitForTextAsync(action, cancellationToken).ConfigureAwait(false),
                (ActionKind.Extract, null) => ActionResult.Success(extracted: string.Join(" ", (await ReadAsync(cancellationToken).ConfigureAwait(false)).All().Where(e => !e.InClosedMenu).Select(e => e.Value ?? e.Name).Where(t => t.Length > 0))),
                _ => await ActOnTargetAsync(action, verb, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (ArgumentException ex) when (action.Kind == ActionKind.Press)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, $"press: {ex.Message}");
        }
        catch (Tmds.DBus.Protocol.DBusExceptionBase ex)
        {
            return ActionResult.Failure(ActionFailureKind.NotActionable, $"Could not {verb} {action.Target?.ToString() ?? "the app"}: the app answered {ex.Message}");
        }
        catch (TimeoutException ex) when (_app.IsRunning && !ex.Message.Contains("did not answer the accessibility bus", StringComparison.Ordinal))
        {
            // A bus call of the act itself (focus, text, action) timed out, not the read: the same failure, said the same way.
            throw new TimeoutException($"{_app.Name} (process {_app.ProcessId}) did not answer the accessibility bus while it was asked to {verb}: " +
                "it is hung, stopped, or busy for longer than a step may wait.", ex);
        }
    }

    private async Task<ActionResult> ActOnTargetAsync(UiAction action, string verb, CancellationToken cancellationToken)
    {
        if (action.Target is not { } target) return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} needs a target.");
        if (target.IsSemanticOnly)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep, $"The target \"{target.Description}\" must be grounded first: it has no locator layer (ref, role, label, path, box...).");
        }
        if (action.Kind is ActionKind.Fill or ActionKind.Type or ActionKind.Select && action.Value is null) return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} needs a value.");

        var time = _options.TimeProvider;
        var start = time.GetTimestamp();
        AtSpiElement? element;
        string? layer;
        string tried;
        DesktopSnapshot fresh;
        while (true)
        {
            fresh = await ReadAsync(cancellationToken).ConfigureAwait(false);
            (element, layer, tried) = DesktopTargetResolver.Resolve(target, fresh, _last);
            // Like a person, wait for a disabled element to become enabled (a Save button enables once a name is typed).
            var ready = element is not null && (element.States.IsEnabled || IsPassive(action.Kind));
            if (ready || time.GetElapsedTime(start) >= action.Timeout) break;
            await Task.Delay(TimeSpan.FromMilliseconds(150), time, cancellationToken).ConfigureAwait(false);
        }
        var where = $"in {_app.Name}";
        if (element is null)
        {
            return action.Kind switch
            {
                ActionKind.WaitFor => ActionResult.Failure(ActionFailureKind.Timeout, $"Timed out after {Seconds(action.Timeout)} waiting for {target} {where}. Tried: {tried}."),
                ActionKind.Assert => ActionResult.Failure(ActionFailureKind.AssertionFailed, $"Expected {target} to be shown {where}, but it was not. Tried: {tried}."),
                _ => ActionResult.Failure(ActionFailureKind.TargetNotFound, $"No element matched {target} {where} within {Seconds(action.Timeout)}. Tried: {tried}."),
            };
        }
        var resolved = Describe(element);
        if (!element.States.IsEnabled && !IsPassive(action.Kind))
        {
            return ActionResult.Failure(ActionFailureKind.NotActionable, $"{resolved} was found {where} but is disabled.") with { ResolvedTarget = resolved };
        }
        var value = action.Value ?? "";
        string? extracted = null;
        ActionResult? failure = null;
        var answered = false; // an act the app may answer a moment later (a click, a choice, a tick)
        switch (action.Kind)
        {
            case ActionKind.Click:
                failure = await ClickAsync(element, cancellationToken).ConfigureAwait(false);
                answered = true;
                break;
            case ActionKind.Fill:
                failure = await FillAsync(element, value, action, cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.Type:
                await FocusAsync(element, cancellationToken).ConfigureAwait(false);
                await XDisplay.KeyAsync("Control+A", cancellationToken).ConfigureAwait(false);
                await XDisplay.TypeAsync(value, cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.Select:
                failure = await SelectAsync(element, action, cancellationToken).ConfigureAwait(false);
                answered = true;
                break;
            case ActionKind.Check or ActionKind.Uncheck:
                var wanted = action.Kind == ActionKind.Check;
                if (element.States.Has(AtSpiState.Checked) == wanted) break;
                failure = await ClickAsync(element, cancellationToken).ConfigureAwait(false);
                answered = true;
                break;
            case ActionKind.Press:
                return await PressKeysAsync(action, element, cancellationToken).ConfigureAwait(false) is { Succeeded: true } ? ActionResult.Success(resolved, layer) : ActionResult.Failure(ActionFailureKind.InvalidStep, "press needs a key");
            case ActionKind.Hover when element.Box is { } hoverBox:
                await XDisplay.MoveAsync(hoverBox.Center.X, hoverBox.Center.Y, cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.Extract:
                extracted = element.Value ?? element.Name;
                break;
            case ActionKind.Assert when action.Value is { Length: > 0 } expected:
                var actual = element.Value ?? element.Name;
                if (!actual.Contains(expected, StringComparison.OrdinalIgnoreCase))
                {
                    var seen = action.ValueIsSecret ? "" : $", but it shows \"{actual}\"";
                    return ActionResult.Failure(ActionFailureKind.AssertionFailed, $"Expected {resolved} to contain {Shown(action)}{seen}.") with { ResolvedTarget = resolved };
                }
                break;
            default:
                break; // hover without a box, scroll, wait-for and a bare assert: being found and shown is the whole step
        }
        if (answered && failure is null) await AwaitAnswerAsync(fresh, cancellationToken).ConfigureAwait(false);
        return failure is null ? ActionResult.Success(resolved, layer, extracted) : failure with { ResolvedTarget = resolved };
    }

    private async Task<ActionResult?> ClickAsync(AtSpiElement element, CancellationToken cancellationToken)
    {
        if (element.Has("Action"))
        {
            var names = await _bus.GetActionNamesAsync(element.Ref, cancellationToken).ConfigureAwait(false);
            var index = ClickActions.Select(a => Array.FindIndex(names, n => string.Equals(n, a, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(i => i >= 0, names.Length > 0 ? 0 : -1);
            if (index >= 0)
            {
                try
                {
                    await _bus.DoActionAsync(element.Ref, index, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // A toolkit that runs a modal dialog inside the action answers only when the dialog closes: the action happened.
                }
                return null;
            }
        }
        if (element.Box is { Width: > 0 } box)
        {
            await XDisplay.ClickAsync(box.Center.X, box.Center.Y, cancellationToken).ConfigureAwait(false);
            return null;
        }
        return ActionResult.Failure(ActionFailureKind.NotActionable, $"{Describe(element)} has no action and no place on the screen to click.");
    }

    private async Task<ActionResult?> FillAsync(AtSpiElement element, string value, UiAction action, CancellationToken cancellationToken)
    {
        if (element.Has("Value") && DesktopRoles.ToAria(element.RoleName) is "spinbutton" or "slider")
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{Describe(element)} takes a number, not {Shown(action)}.");
            }
            await _bus.SetCurrentValueAsync(element.Ref, number, cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (element.Has("EditableText"))
        {
            if (!element.States.Has(AtSpiState.Editable)) return ActionResult.Failure(ActionFailureKind.NotActionable, $"{Describe(element)} is read-only: it cannot be typed into.");
            if (await _bus.SetTextContentsAsync(element.Ref, value, cancellationToken).ConfigureAwait(false)) return null;
        }
        // No text interface that took the value: type it as a person would.
        await FocusAsync(element, cancellationToken).ConfigureAwait(false);
        await XDisplay.KeyAsync("Control+A", cancellationToken).ConfigureAwait(false);
        await XDisplay.TypeAsync(value, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<ActionResult?> SelectAsync(AtSpiElement element, UiAction action, CancellationToken cancellationToken)
    {
        var value = action.Value!;
        // Selection on the element itself: its items are its children, or a menu's children (a GTK combo box).
        if (element.Has("Selection"))
        {
            var items = await _bus.GetChildrenAsync(element.Ref, cancellationToken).ConfigureAwait(false);
            if (items.Length == 1 && (await _bus.GetRoleNameAsync(items[0], cancellationToken).ConfigureAwait(false)) == "menu")
            {
                items = await _bus.GetChildrenAsync(items[0], cancellationToken).ConfigureAwait(false);
            }
            var names = new List<string>();
            for (var i = 0; i < items.Length; i++)
            {
                var name = await _bus.GetNameAsync(items[i], cancellationToken).ConfigureAwait(false);
                names.Add(name);
                if (DesktopTargetResolver.NameMatches(name, value, exact: true) || DesktopTargetResolver.NameMatches(name, value, exact: false))
                {
                    if (await _bus.SelectChildAsync(element.Ref, i, cancellationToken).ConfigureAwait(false)) return null;
                }
            }
            var seen = action.ValueIsSecret ? "" : $" Options: {string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"\"{n}\""))}.";
            return ActionResult.Failure(ActionFailureKind.TargetNotFound, $"{Describe(element)} has no option {Shown(action)}.{seen}");
        }
        // Otherwise open it and click the item that shows up.
        var opened = await ClickAsync(element, cancellationToken).ConfigureAwait(false);
        if (opened is not null) return opened;
        var start = _options.TimeProvider.GetTimestamp();
        while (_options.TimeProvider.GetElapsedTime(start) < TimeSpan.FromSeconds(3))
        {
            var fresh = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var item = fresh.All().FirstOrDefault(e => e.States.IsShowing && DesktopRoles.ToAria(e.RoleName) is "menuitem" or "listitem" or "option" or "cell" or "treeitem"
                && DesktopTargetResolver.NameMatches(e.Name, value, exact: true));
            if (item is not null) return await ClickAsync(item, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(150), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        return ActionResult.Failure(ActionFailureKind.TargetNotFound, $"Opened {Describe(element)} but no item {Shown(action)} appeared.");
    }

    private async Task<ActionResult> PressKeysAsync(UiAction action, AtSpiElement? element, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.Value)) return ActionResult.Failure(ActionFailureKind.InvalidStep, "press needs a key in its value (Enter, Tab, Control+S).");
        XKeyNames.ToXdotool(action.Value); // a bad key name fails before anything is pressed
        if (element is not null) await FocusAsync(element, cancellationToken).ConfigureAwait(false);
        else await FocusActiveWindowAsync(cancellationToken).ConfigureAwait(false);
        // Read once focused: the focus (a click inside a GTK4 field) may change the windows before any key does.
        var before = _options.ResponseTimeout > TimeSpan.Zero ? await ReadAsync(cancellationToken).ConfigureAwait(false) : null;
        await XDisplay.KeyAsync(action.Value, cancellationToken).ConfigureAwait(false);
        if (before is not null) await AwaitAnswerAsync(before, cancellationToken).ConfigureAwait(false);
        return ActionResult.Success();
    }

    /// <summary>
    /// Waits, up to <see cref="DesktopOptions.ResponseTimeout"/>, until the app's windows differ from
    /// <paramref name="before"/>: the app's answer to the act that just happened.
    /// </summary>
    /// <remarks>
    /// An app may answer an input a moment after it, off the event that carried it: gnome-calculator works "=" out on a
    /// worker thread and shows the result ~0.35 s later, with nothing on the bus in between. The run's check read the
    /// screen before that, took the unchanged display for "= did nothing" and tried Enter next, which on a display
    /// already showing a result goes back to the expression (the calculator's "=" toggles). Nothing tells when an app is
    /// done, so the driver waits for the first change, as a person watches for one, and gives up quietly: an act that
    /// changes nothing is the step's check to judge, not a failure of the act.
    /// </remarks>
    private async Task AwaitAnswerAsync(DesktopSnapshot before, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < _options.ResponseTimeout)
        {
            var now = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(now.Text, before.Text, StringComparison.Ordinal)) return;
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Keys go to the X window that has the input focus: give it to the element's window, then the element.
    private async Task FocusAsync(AtSpiElement element, CancellationToken cancellationToken)
    {
        var snapshot = _last ?? await ReadAsync(cancellationToken).ConfigureAwait(false);
        var window = snapshot.Windows.FirstOrDefault(w => w.DescendantsAndSelf().Any(e => e.Ref == element.Ref)) ?? snapshot.Windows.FirstOrDefault();
        if (window is not null) await XDisplay.FocusWindowAsync(_app.ProcessId, window.Name, cancellationToken).ConfigureAwait(false);
        if (element.Has("Component") && await TryGrabFocusAsync(element, cancellationToken).ConfigureAwait(false)) return;
        // GTK4 implements no Component.GrabFocus (NotSupported): a text field takes the focus as it does from a
        // person, by a click inside it. Anything else (a button) is not clicked here, since a click would act.
        if (IsTextField(element) && element.Box is { Width: > 0 } box)
        {
            await XDisplay.ClickAsync(box.Center.X, box.Center.Y, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryGrabFocusAsync(AtSpiElement element, CancellationToken cancellationToken)
    {
        try
        {
            return await _bus.GrabFocusAsync(element.Ref, cancellationToken).ConfigureAwait(false);
        }
        catch (Tmds.DBus.Protocol.DBusExceptionBase)
        {
            return false;
        }
    }

    private static bool IsTextField(AtSpiElement element) => DesktopRoles.ToAria(element.RoleName) is "textbox" or "searchbox" or "combobox" or "spinbutton";

    private async Task FocusActiveWindowAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Windows.FirstOrDefault() is { } window) await XDisplay.FocusWindowAsync(_app.ProcessId, window.Name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionResult> WaitForTextAsync(UiAction action, CancellationToken cancellationToken)
    {
        var verb = action.Kind.ToName();
        if (string.IsNullOrEmpty(action.Value)) return ActionResult.Failure(ActionFailureKind.InvalidStep, $"{verb} needs a target or a text value.");
        var start = _options.TimeProvider.GetTimestamp();
        DesktopSnapshot fresh;
        while (true)
        {
            fresh = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (fresh.All().Any(e => e.States.IsShowing && (e.Name.Contains(action.Value, StringComparison.OrdinalIgnoreCase) || e.Value?.Contains(action.Value, StringComparison.OrdinalIgnoreCase) == true)))
            {
                return ActionResult.Success();
            }
            if (_options.TimeProvider.GetElapsedTime(start) >= action.Timeout) break;
            await Task.Delay(TimeSpan.FromMilliseconds(150), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        var shown = action.ValueIsSecret ? "the secret text" : $"text \"{action.Value}\"";
        return action.Kind == ActionKind.WaitFor
            ? ActionResult.Failure(ActionFailureKind.Timeout, $"Timed out after {Seconds(action.Timeout)} waiting for {shown} in {_app.Name}.")
            : ActionResult.Failure(ActionFailureKind.AssertionFailed, $"Expected {shown} to be shown in \"{fresh.Windows.FirstOrDefault()?.Name}\" ({_app.Name}).");
    }

    /// <summary>The element in every layer the desktop has: role+name, text, accessibility path, box.</summary>
    private static ElementTarget Describe(AtSpiElement element)
    {
        var role = DesktopRoles.ToAria(element.RoleName);
        return new ElementTarget
        {
            Role = role is "text" or "group" ? null : role,
            Name = element.Name.Length > 0 && role is not ("text" or "group") ? element.Name : null,
            Text = role is "text" && element.Name.Length > 0 ? element.Name : null,
            AccessibilityPath = element.Path,
            Box = element.Box,
        };
    }

    private static bool IsPassive(ActionKind kind) => kind is ActionKind.WaitFor or ActionKind.Assert or ActionKind.Extract or ActionKind.Hover or ActionKind.Scroll;

    private static string Shown(UiAction action) => action.ValueIsSecret ? "(secret value)" : $"\"{action.Value}\"";

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
}
