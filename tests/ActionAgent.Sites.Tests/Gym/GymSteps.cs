using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ActionAgent.Sites.Tests.Gym;

/// <summary>
/// Drives a task's scripted steps (its hand solution <c>window.__solution</c> or wrong action <c>window.__wrong</c>)
/// through ordinary Playwright actions, as a person would: click, fill, type, press, check, select, hover, drag.
/// </summary>
internal static class GymSteps
{
    /// <param name="page">The task page.</param>
    /// <param name="steps">The steps (a JSON array).</param>
    /// <param name="skipImpossible">
    /// Skip a step whose element is gone (after an irreversible wrong action the right control may no longer exist)
    /// instead of failing.
    /// </param>
    public static async Task RunAsync(IPage page, JsonElement steps, bool skipImpossible = false)
    {
        foreach (var step in steps.EnumerateArray())
        {
            try
            {
                await RunStepAsync(page, step, skipImpossible ? 1000 : null);
            }
            catch (TimeoutException) when (skipImpossible)
            {
                // The control this step needs is not there any more: the wrong action already decided the outcome.
            }
            // Let the page's own handlers (and the score's deferred update) run before the next step.
            await page.WaitForTimeoutAsync(30);
        }
    }

    private static async Task RunStepAsync(IPage page, JsonElement step, float? timeout)
    {
        var op = step.GetProperty("op").GetString();
        if (op == "dialog")
        {
            var accept = step.GetProperty("accept").GetBoolean();
            page.Dialog += async (_, dialog) =>
            {
                try
                {
                    if (accept) await dialog.AcceptAsync();
                    else await dialog.DismissAsync();
                }
                catch (PlaywrightException)
                {
                    // Another handler (an earlier step list on this page) already answered it.
                }
            };
            return;
        }

        var selector = step.GetProperty("sel").GetString()!;
        var target = step.TryGetProperty("frame", out var frame)
            ? page.FrameLocator(frame.GetString()!).Locator(selector).First
            : page.Locator(selector).First;
        string Value() => step.GetProperty("value").GetString()!;
        switch (op)
        {
            case "click": await target.ClickAsync(new() { Timeout = timeout }); break;
            case "fill": await target.FillAsync(Value(), new() { Timeout = timeout }); break;
            case "type": await target.PressSequentiallyAsync(Value(), new() { Delay = 20, Timeout = timeout }); break;
            case "press": await target.PressAsync(step.GetProperty("key").GetString()!, new() { Timeout = timeout }); break;
            case "check": await target.CheckAsync(new() { Timeout = timeout }); break;
            case "uncheck": await target.UncheckAsync(new() { Timeout = timeout }); break;
            case "select": await target.SelectOptionAsync(new SelectOptionValue { Label = Value() }, new() { Timeout = timeout }); break;
            case "hover": await target.HoverAsync(new() { Timeout = timeout }); break;
            case "drag": await target.DragToAsync(page.Locator(step.GetProperty("to").GetString()!).First, new() { Timeout = timeout }); break;
            case "clickAt":
                await target.ClickAsync(new() { Timeout = timeout, Position = new Position { X = step.GetProperty("x").GetSingle(), Y = step.GetProperty("y").GetSingle() } });
                break;
            default: throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unknown gym step op '{op}'."));
        }
    }
}
