using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

[Collection("browser")]
public sealed class FrameTests(BrowserFixture browser)
{
    private async Task<string> CardInAsync(int frame) => await browser.Driver.Page.Frames.Where(f => f != browser.Driver.Page.MainFrame).ElementAt(frame).InputValueAsync("#cc");

    [Fact]
    public async Task Observe_includes_iframe_content_with_refs_and_names_the_frame_by_its_title()
    {
        await browser.OpenAsync("frames.html");

        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        var frame = observation.AllNodes().Single(n => n.Role == "iframe" && n.Name == "Newsletter form");
        var field = frame.DescendantsAndSelf().Single(n => n.Role == "textbox" && n.Name == "Frame email");
        Assert.NotNull(field.Ref);
        Assert.Contains(observation.AllNodes(), n => n.Role == "button" && n.Name == "Cross origin button" && n.Ref is not null);
    }

    [Fact]
    public async Task A_page_with_frames_gives_its_picture_with_the_tree_even_when_asked_for_it_later()
    {
        await browser.OpenAsync("frames.html");

        // Frames are pictured through Playwright's own path, after the tree: nothing is left pending.
        var observation = await browser.Driver.ObserveAsync(new ObserveOptions(true) { ScreenshotLater = true }, CancellationToken.None);

        Assert.Null(observation.PendingScreenshot);
        Assert.NotNull(observation.Screenshot);
    }

    [Fact]
    public async Task Fill_by_a_ref_inside_a_frame_records_the_frame_path_and_a_page_box()
    {
        await browser.OpenAsync("frames.html");
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var field = observation.AllNodes().Single(n => n.Role == "textbox" && n.Name == "Frame email");
        var frameBox = await browser.Driver.Page.Locator("#same").BoundingBoxAsync();

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Ref = field.Ref }, "ana@example.net");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["#same"], result.ResolvedTarget?.FramePath);
        Assert.True(result.ResolvedTarget!.Box!.Y >= frameBox!.Y, $"box {result.ResolvedTarget.Box} is not in page coordinates (frame at {frameBox.Y})");
        Assert.Equal("ana@example.net", await browser.Driver.Page.Frame("same")!.InputValueAsync("#email"));
    }

    [Fact]
    public async Task Fill_by_a_label_found_inside_a_frame_records_the_frame_path_and_a_page_box()
    {
        await browser.OpenAsync("frames.html");
        var frameBox = await browser.Driver.Page.Locator("#same").BoundingBoxAsync();

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "Frame email" }, "ana@example.net");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["#same"], result.ResolvedTarget?.FramePath);
        Assert.True(result.ResolvedTarget!.Box!.Y >= frameBox!.Y, $"box {result.ResolvedTarget.Box} is not in page coordinates (frame at {frameBox.Y})");
    }

    [Fact]
    public async Task A_frame_path_looks_the_layers_up_in_that_frame_only()
    {
        await browser.OpenAsync("two-frames.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "Card number", FramePath = ["iframe[title=\"Gift card\"]"] }, "4242");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("", "4242"), (await CardInAsync(0), await CardInAsync(1)));
        Assert.Equal(["iframe[title=\"Gift card\"]"], result.ResolvedTarget?.FramePath);
    }

    [Fact]
    public async Task A_recorded_target_in_a_frame_replays_by_its_css_and_frame_path()
    {
        await browser.OpenAsync("two-frames.html");
        var first = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Redeem" });
        await browser.OpenAsync("two-frames.html");

        // The recorded element, reduced to its CSS layer as replay's fast path uses it.
        var css = Core.Replay.ReplayTargets.Only(first.ResolvedTarget! with { Exact = true }, "css");
        var again = await browser.DoAsync(ActionKind.Click, css);

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal("css", again.ResolvedBy);
        Assert.Equal(["iframe[title=\"Gift card\"]"], css.FramePath);
        Assert.Equal("redeemed", await browser.Driver.Page.Frames.Last().InnerTextAsync("#done"));
    }

    [Fact]
    public async Task Click_with_a_frame_path_reaches_a_cross_origin_frame()
    {
        await browser.OpenAsync("frames.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Cross origin button", FramePath = ["#cross"] });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["#cross"], result.ResolvedTarget?.FramePath);
        Assert.Equal("cross clicked", await browser.TextOfAsync("#cross-status", frame: "cross"));
    }
}
