using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// Filling controls that hold a number rather than text: a native range or number input takes only a plain number
// ("70%" is refused by the browser as malformed), and an ARIA slider or spin button that is not an input at all is
// set the way the WAI-ARIA practices define for the keyboard: focus it, press the arrow keys and read aria-valuenow
// back after each press.
public sealed partial class PlaywrightDriver
{
    private const int MaxArrowPresses = 200;

    private static readonly Regex NumberInText = new(@"[-+]?\d+(?:[.,]\d+)?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private sealed record ValueWidget(string Kind, double? Now, double? Min, double? Max, string Role);

    /// <summary>The number widget an element is: [kind, now, min, max, role], kind "range", "number" or "aria"; null for none.</summary>
    internal const string ValueWidgetFunction = """
        e => {
          if (e instanceof HTMLInputElement) return (e.type === 'range' || e.type === 'number') ? [e.type, e.value, e.min, e.max, ''] : null;
          const role = e.getAttribute('role') || '';
          if ((role === 'slider' || role === 'spinbutton') && !e.isContentEditable && e.hasAttribute('aria-valuenow'))
            return ['aria', e.getAttribute('aria-valuenow'), e.getAttribute('aria-valuemin') || '', e.getAttribute('aria-valuemax') || '', role];
          return null;
        }
        """;

    /// <summary>
    /// Fills <paramref name="locator"/> when it holds a number: <c>null</c> when it is an ordinary text field (the
    /// caller then fills it as text), a success when the number was set, or a failure that says why it was not.
    /// <paramref name="facts"/>: what was read of the element before acting, its widget among it (else it is read here).
    /// </summary>
    private async Task<ActionResult?> TryFillNumberAsync(UiAction action, ILocator locator, string value, float timeout, ElementFacts facts)
    {
        if (action.ValueIsSecret) return null;
        var widget = facts.Read ? ToValueWidget(facts.ValueWidget) : await DescribeValueWidgetAsync(locator).ConfigureAwait(false);
        if (widget is null) return null;
        var number = PlainNumber(value);
        if (number is null)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep,
                $"{action.Target} holds a number, and \"{value}\" is not one (or names several).");
        }
        if (widget.Kind is "range" or "number")
        {
            await locator.FillAsync(number.Value.ToString(CultureInfo.InvariantCulture), new() { Timeout = timeout }).ConfigureAwait(false);
            return Done;
        }
        return await SetByArrowKeysAsync(action, locator, widget, number.Value, timeout).ConfigureAwait(false);
    }

    private static readonly ActionResult Done = ActionResult.Success();

    // One number in the text, with its sign and decimals: "70%" → 70, "€ 450" → 450, "7 guests" → 7, "1,5" → 1.5.
    internal static double? PlainNumber(string value)
    {
        var matches = NumberInText.Matches(value);
        if (matches.Count != 1) return null;
        var text = matches[0].Value.Replace(',', '.');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static async Task<ValueWidget?> DescribeValueWidgetAsync(ILocator locator)
    {
        try
        {
            var parts = await locator.EvaluateAsync<string[]?>(
                ValueWidgetFunction, null, new() { Timeout = 1000 }).ConfigureAwait(false);
            return ToValueWidget(parts);
        }
        catch (PlaywrightException)
        {
            return null; // could not tell: fill it as text and let the browser decide
        }
    }

    private static ValueWidget? ToValueWidget(string[]? parts)
    {
        if (parts is not { Length: 5 }) return null;
        return new ValueWidget(parts[0], Parse(parts[1]), Parse(parts[2]), Parse(parts[3]), parts[4]);

        static double? Parse(string? s) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private async Task<ActionResult> SetByArrowKeysAsync(UiAction action, ILocator locator, ValueWidget widget, double target, float timeout)
    {
        if (widget.Min is { } min && target < min || widget.Max is { } max && target > max)
        {
            return ActionResult.Failure(ActionFailureKind.InvalidStep,
                $"{action.Target} takes values from {widget.Min?.ToString(CultureInfo.InvariantCulture) ?? "?"} to {widget.Max?.ToString(CultureInfo.InvariantCulture) ?? "?"}; {target.ToString(CultureInfo.InvariantCulture)} is outside.");
        }
        await locator.FocusAsync(new() { Timeout = timeout }).ConfigureAwait(false);
        var now = widget.Now;
        for (var presses = 0; now is { } current && current != target && presses < MaxArrowPresses; presses++)
        {
            await locator.PressAsync(current < target ? "ArrowUp" : "ArrowDown", new() { Timeout = timeout }).ConfigureAwait(false);
            var next = (await DescribeValueWidgetAsync(locator).ConfigureAwait(false))?.Now;
            if (next == current)
            {
                return ActionResult.Failure(ActionFailureKind.NotActionable,
                    $"{action.Target} was found but does not answer the arrow keys (its value stays {current.ToString(CultureInfo.InvariantCulture)}); it may have its own buttons.");
            }
            if (next is { } n && (current < target ? n > target : n < target))
            {
                return ActionResult.Failure(ActionFailureKind.NotActionable,
                    $"{action.Target} steps past {target.ToString(CultureInfo.InvariantCulture)} (from {current.ToString(CultureInfo.InvariantCulture)} to {n.ToString(CultureInfo.InvariantCulture)}): that value cannot be set.");
            }
            now = next;
        }
        return now == target
            ? Done
            : ActionResult.Failure(ActionFailureKind.NotActionable,
                $"{action.Target} did not reach {target.ToString(CultureInfo.InvariantCulture)} (it shows {now?.ToString(CultureInfo.InvariantCulture) ?? "no value"}).");
    }
}
