using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Desktop.Tests;

[Collection(DesktopCollection.Name)]
public sealed class ZenityFormsTests(DesktopSession session)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Zenity_form_is_filled_by_label_and_prints_the_values_it_was_given()
    {
        _ = session;
        var name = $"Ada{Random.Shared.Next(1000)}";
        await using var driver = await AtSpiDriver.StartAsync(session.In(new DesktopOptions
        {
            Launch = "zenity --forms --title=Passenger --add-entry=Name --add-entry=City --separator=|",
            Window = "Passenger",
        }), CancellationToken.None);

        await Act(driver, ActionKind.Fill, new ElementTarget { Label = "Name" }, name);
        await Act(driver, ActionKind.Fill, new ElementTarget { Label = "City" }, "London");
        await Act(driver, ActionKind.Click, new ElementTarget { Role = "button", Name = "OK", Exact = true }, null);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (driver.AppIsRunning && DateTime.UtcNow < deadline) await Task.Delay(100);
        await driver.Output!.CompleteAsync();
        Assert.Equal($"{name}|London", driver.Output.Output.Trim());
    }

    [Fact]
    public async Task Snapshot_of_a_zenity_form_has_roles_names_refs_and_boxes_in_the_browser_format()
    {
        _ = session;
        await using var driver = await AtSpiDriver.StartAsync(session.In(new DesktopOptions { Launch = "zenity --forms --title=Shape --add-entry=Width", Window = "Shape" }), CancellationToken.None);

        var observation = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        var ok = Assert.Single(observation.AllNodes(), n => n.Role == "button" && n.Name == "OK");
        Assert.Matches("^d[0-9]+$", ok.Ref);
        Assert.True(ok.Box is { Width: > 0, Height: > 0 });
        Assert.Contains(observation.AllNodes(), n => n.Role == "textbox");
        Assert.Equal("Shape", observation.Title);
    }

    [Fact]
    public async Task Snapshot_of_a_zenity_form_names_each_entry_by_the_label_on_its_row()
    {
        // zenity lays its labels and entries out in a grid without tying them (no LABELLED_BY): the row says which is which.
        await using var driver = await AtSpiDriver.StartAsync(session.In(new DesktopOptions { Launch = "zenity --forms --title=Rows --add-entry=Name --add-entry=City", Window = "Rows" }), CancellationToken.None);

        var observation = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        var name = Assert.Single(observation.AllNodes(), n => n.Role == "textbox" && n.Name == "Name");
        var city = Assert.Single(observation.AllNodes(), n => n.Role == "textbox" && n.Name == "City");
        Assert.True(name.Box!.Y < city.Box!.Y, observation.SnapshotText);
    }

    private static async Task Act(AtSpiDriver driver, ActionKind kind, ElementTarget? target, string? value)
    {
        await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var result = await driver.ExecuteAsync(new UiAction(new PlanStep { Action = kind, Target = target, Value = value }, value, false, StepTimeout), CancellationToken.None);
        Assert.True(result.Succeeded, $"{kind} {target}: {result.Error}");
    }
}
