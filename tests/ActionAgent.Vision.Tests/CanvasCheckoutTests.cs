using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Embeddings;
using Xunit.Abstractions;
using static ActionAgent.Vision.Tests.EngineRuns;

namespace ActionAgent.Vision.Tests;

public sealed class CanvasCheckoutTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_quantity_box_drawn_on_the_canvas_is_found_as_a_field_named_by_its_label()
    {
        await using var site = await Sites.SiteHost.StartAsync(Sites.SiteCatalog.Resolve(BrowserFixture.SitesRoot, "canvas-shop"));
        await browser.GotoAsync(site.BaseAddress.ToString());
        var shot = (await browser.ObserveAsync()).Screenshot!;
        var locator = new EmbeddedElementLocator(MiniLmEmbedder.Shared);

        var all = await locator.LocateAsync(new Core.Ports.LocateRequest { Screenshot = shot, MaxResults = 50 }, CancellationToken.None);
        var best = (await locator.LocateAsync(new Core.Ports.LocateRequest { Screenshot = shot, Text = "the quantity box" }, CancellationToken.None))[0];

        foreach (var e in all) output.WriteLine($"{e.Kind} {e.Box} \"{e.Text}\" {e.Score}");
        // The canvas sits at 24,24; the box is drawn at 200,150 (220×44) inside it.
        Assert.True(best.Box.IntersectionOverUnion(new BoundingBox(224, 174, 220, 44)) > 0.7, $"{best.Kind} {best.Box} \"{best.Text}\"");
    }

    // The goal form ("enter 42 in the quantity box and press Pay") needs the offline planner to turn it into these
    // two steps; here the steps are given, with targets that are descriptions only.
    [Fact]
    public async Task The_agent_pays_for_42_items_on_a_canvas_page_through_the_visual_locator()
    {
        await using var site = await Sites.SiteHost.StartAsync(Sites.SiteCatalog.Resolve(BrowserFixture.SitesRoot, "canvas-shop"));
        var vision = VisionBackends.CreateEmbedded(MiniLmEmbedder.Shared);
        PlanStep[] steps =
        [
            Step(ActionKind.Fill, ElementTarget.Describe("the quantity box"), "42"),
            Step(ActionKind.Click, ElementTarget.Describe("the Pay button"), expect: "Paid: 42 items"),
        ];

        var (result, folder) = await RunAsync(browser.Driver, site.BaseAddress.ToString(), steps,
            new RunEngineServices { Verifier = vision.Verifier, Locator = vision.Locator, Cropper = vision.Cropper });

        foreach (var s in result.Steps) output.WriteLine($"{s.Index} {s.Action} {s.Outcome} {s.ResolvedBy} {s.Grounding} {s.Verdict?.Outcome} {s.Verdict?.Reason} {s.Error}");
        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal(42, await browser.Driver.Page.EvaluateAsync<int>("() => window.shopState.paidQuantity"));
        Assert.All(result.Steps.Skip(1), s => Assert.Equal("visual", s.ResolvedBy));
        Assert.All(result.Steps.Skip(1), s => Assert.True(File.Exists(Path.Combine(folder, s.Crop!)), s.Crop));
    }
}
