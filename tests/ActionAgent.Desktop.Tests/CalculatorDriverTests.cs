using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Desktop.Tests;

/// <summary>gnome-calculator: a GTK4 app (GTK 4.8 marks only its windows SHOWING; the driver reads it by VISIBLE and boxes).</summary>
[Collection(DesktopCollection.Name)]
public sealed class CalculatorDriverTests(DesktopSession session)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Gnome_calculator_computes_7_times_6_by_its_buttons_and_the_display_reads_42()
    {
        await using var driver = await StartCalculatorAsync();

        foreach (var key in new[] { "7", "×", "6", "=" }) await Act(driver, ActionKind.Click, new ElementTarget { Role = "button", Name = key }, null);

        // The calculator works the answer out off its main loop: the display shows the expression until then.
        string? shown = null;
        for (var i = 0; i < 50 && shown != "42"; i++)
        {
            if (i > 0) await Task.Delay(100);
            shown = await ReadDisplayAsync(driver);
        }
        Assert.Equal("42", shown);
    }

    // GTK4 implements no Component.GrabFocus (the bus answers NotSupported), so a key step on one of its fields failed
    // before a key was sent: a goal run whose "=" press was not seen fell back to Enter in the display and that step
    // failed too. The driver now gives a GTK4 field the focus by a click inside it, and the app's own key handling
    // computes the expression set through EditableText.
    [Fact]
    public async Task Enter_pressed_in_gnome_calculators_display_after_a_fill_computes_the_result()
    {
        await using var driver = await StartCalculatorAsync();

        await Act(driver, ActionKind.Fill, new ElementTarget { Role = "textbox" }, "7 × 6");
        await Act(driver, ActionKind.Press, new ElementTarget { Role = "textbox" }, "Enter");

        string? shown = null;
        for (var i = 0; i < 50 && shown != "42"; i++)
        {
            if (i > 0) await Task.Delay(100);
            await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
            shown = await ReadDisplayAsync(driver);
        }
        Assert.Equal("42", shown);
    }

    // gnome-calculator works "=" out on a worker thread and shows the result ~0.35 s after the click, with nothing on the
    // bus in between. A run's check that read the display before then saw "7× 6", and the planner's next try (Enter, or
    // "=" again) took the shown result back to its expression: the driver now returns from a click only once the app's
    // windows changed (bounded by DesktopOptions.ResponseTimeout), so a read straight after the step sees the answer.
    [Fact]
    public async Task A_click_on_equals_returns_once_the_calculator_shows_its_answer()
    {
        await using var driver = await StartCalculatorAsync();
        await Act(driver, ActionKind.Fill, new ElementTarget { Role = "textbox" }, "7 × 6");

        await Act(driver, ActionKind.Click, new ElementTarget { Role = "button", Name = "=" }, null);

        Assert.Equal("42", await ReadDisplayAsync(driver));
    }

    // It looks for currency rates first, and gives up only when the network does: its window can take a while.
    private Task<AtSpiDriver> StartCalculatorAsync() =>
        AtSpiDriver.StartAsync(session.In(new DesktopOptions { Launch = "gnome-calculator", Window = "Calculator", WindowTimeout = TimeSpan.FromSeconds(40) }), CancellationToken.None);

    /// <summary>The display's text as the driver reads it now (the read must succeed).</summary>
    private static async Task<string?> ReadDisplayAsync(AtSpiDriver driver)
    {
        var display = await driver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Extract, Target = new ElementTarget { Role = "textbox" } }, null, false, StepTimeout), CancellationToken.None);
        Assert.True(display.Succeeded, display.Error);
        return display.ExtractedText?.Trim();
    }

    private static async Task Act(AtSpiDriver driver, ActionKind kind, ElementTarget? target, string? value)
    {
        await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var result = await driver.ExecuteAsync(new UiAction(new PlanStep { Action = kind, Target = target, Value = value }, value, false, StepTimeout), CancellationToken.None);
        Assert.True(result.Succeeded, $"{kind} {target}: {result.Error}");
    }
}
