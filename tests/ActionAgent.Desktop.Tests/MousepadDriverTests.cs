using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Desktop.Tests;

[Collection(DesktopCollection.Name)]
public sealed class MousepadDriverTests(DesktopSession session)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Mousepad_writes_a_text_and_saves_it_through_the_Save_dialog()
    {
        _ = session;
        var folder = Directory.CreateTempSubdirectory("desktop-note-").FullName;
        var path = Path.Combine(folder, "note.txt");
        var text = $"Shopping list {Guid.NewGuid():N}";
        await using var driver = await AtSpiDriver.StartAsync(session.In(new DesktopOptions { Launch = "mousepad" }), CancellationToken.None);

        await Act(driver, ActionKind.Fill, new ElementTarget { Role = "textbox" }, text);
        await Act(driver, ActionKind.Press, null, "Control+S");
        await Act(driver, ActionKind.Fill, new ElementTarget { Label = "Name" }, path);
        await Act(driver, ActionKind.Click, new ElementTarget { Role = "button", Name = "Save", Exact = true }, null);
        await Act(driver, ActionKind.WaitFor, null, "note.txt");
        // The title names the file as the save starts; GIO writes it asynchronously, so give the disk a moment.
        for (var i = 0; i < 50 && !File.Exists(path); i++) await Task.Delay(100);

        Assert.True(File.Exists(path), $"{path} was not written within 5 s of the title naming it");
        Assert.Equal(text, (await File.ReadAllTextAsync(path)).TrimEnd('\n'));
    }

    [Fact]
    public async Task Mousepad_lists_its_closed_menus_commands_and_a_menu_command_that_opens_a_modal_dialog_leaves_the_app_readable()
    {
        await using var driver = await AtSpiDriver.StartAsync(session.In(new DesktopOptions { Launch = "mousepad" }), CancellationToken.None);

        var before = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        Assert.Contains("menuitem \"Save As...\"", before.SnapshotText, StringComparison.Ordinal);

        // GTK runs the Save As dialog inside the action's handler; the driver must still read the dialog afterwards.
        await Act(driver, ActionKind.Click, new ElementTarget { Role = "menuitem", Name = "Save As...", Exact = true }, null);
        await Act(driver, ActionKind.WaitFor, new ElementTarget { Role = "button", Name = "Save", Exact = true }, null);
        var after = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        Assert.Contains("textbox \"Name:\"", after.SnapshotText, StringComparison.Ordinal); // named by its label (LABELLED_BY)
        Assert.DoesNotContain("menuitem \"Save As...\"", after.SnapshotText, StringComparison.Ordinal); // no menu opens under a modal dialog
    }

    private static async Task Act(AtSpiDriver driver, ActionKind kind, ElementTarget? target, string? value)
    {
        await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var result = await driver.ExecuteAsync(new UiAction(new PlanStep { Action = kind, Target = target, Value = value }, value, false, StepTimeout), CancellationToken.None);
        Assert.True(result.Succeeded, $"{kind} {target}: {result.Error}");
    }
}
