using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

[Collection("browser")]
public sealed class DragTests(BrowserFixture browser)
{
    private Task<ActionResult> DragAsync(ElementTarget source, ElementTarget? drop) =>
        browser.Driver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Drag, Target = source, DropTarget = drop }, null, false, BrowserFixture.Timeout),
            CancellationToken.None);

    [Fact]
    public async Task Drag_moves_an_html5_draggable_card_into_another_lane_and_describes_both_ends()
    {
        await browser.OpenAsync("drag.html");

        var result = await DragAsync(new ElementTarget { Text = "Alpha", Exact = true }, new ElementTarget { Role = "list", Name = "Shipped", Exact = true });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, await browser.Driver.Page.Locator("#shipped #alpha").CountAsync());
        Assert.Equal("role", result.DropResolvedBy);
        Assert.Equal("#shipped", result.ResolvedDropTarget?.Css);
        Assert.Equal("#alpha", result.ResolvedTarget?.Css);
    }

    [Fact]
    public async Task Drag_travels_in_steps_when_the_page_drags_with_pointer_events()
    {
        await browser.OpenAsync("drag.html");

        var result = await DragAsync(new ElementTarget { Text = "Beta", Exact = true }, new ElementTarget { Css = "#right" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("dropped in right", await browser.TextOfAsync("#status"));
        Assert.Equal(1, await browser.Driver.Page.Locator("#right #beta").CountAsync());
    }

    [Fact]
    public async Task Drag_by_snapshot_refs_drops_on_the_element_the_ref_names()
    {
        await browser.OpenAsync("drag.html");
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var alpha = observation.AllNodes().First(n => n.Role == "listitem" && n.InnerText().Contains("Alpha", StringComparison.Ordinal));
        var shipped = observation.AllNodes().First(n => n.Role == "list" && n.Name == "Shipped");

        var result = await DragAsync(new ElementTarget { Ref = alpha.Ref }, new ElementTarget { Ref = shipped.Ref });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("ref", result.DropResolvedBy);
        Assert.Equal(1, await browser.Driver.Page.Locator("#shipped #alpha").CountAsync());
    }

    [Fact]
    public async Task Drag_without_a_drop_target_is_an_invalid_step()
    {
        await browser.OpenAsync("drag.html");

        var result = await DragAsync(new ElementTarget { Css = "#alpha" }, null);

        Assert.False(result.Succeeded);
        Assert.Equal(ActionFailureKind.InvalidStep, result.FailureKind);
        Assert.Equal(0, await browser.Driver.Page.Locator("#shipped #alpha").CountAsync());
    }
}
