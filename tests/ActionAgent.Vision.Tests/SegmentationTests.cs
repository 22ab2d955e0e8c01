using ActionAgent.Core.Ports;
using ActionAgent.Vision.Segmentation;
using Xunit.Abstractions;

namespace ActionAgent.Vision.Tests;

public sealed class SegmentationTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly ScreenSegmenter _segmenter = new(new VisionOptions());

    [Fact]
    public async Task Every_button_and_field_of_a_rendered_form_is_found_with_a_tight_box()
    {
        await browser.GotoAsync(browser.Pages.Address("form.html").ToString());
        var shot = (await browser.ObserveAsync()).Screenshot!;
        var truth = await browser.ControlBoxesAsync();

        var regions = await _segmenter.SegmentAsync(shot, CancellationToken.None);

        var (recall, meanIoU) = Score(truth, regions);
        Assert.Equal(1.0, recall);
        Assert.True(meanIoU >= 0.7, $"mean IoU {meanIoU:0.00}");
    }

    [Fact]
    public async Task White_text_on_a_green_button_is_read()
    {
        await browser.GotoAsync(browser.Pages.Address("form.html").ToString());
        var shot = (await browser.ObserveAsync()).Screenshot!;

        var regions = await _segmenter.SegmentAsync(shot, CancellationToken.None);

        Assert.Contains(regions, r => r.Kind == RegionKinds.Button && r.Text == "Print receipt");
    }

    [Fact]
    public async Task SkyFare_search_page_buttons_and_fields_are_found_with_at_least_90_percent_recall_and_IoU_above_one_half()
    {
        await using var site = await Sites.SiteHost.StartAsync(Sites.SiteCatalog.Resolve(BrowserFixture.SitesRoot, "skyfare"));
        await browser.GotoAsync(site.BaseAddress.ToString());
        await browser.Driver.Page.EvaluateAsync("() => { localStorage.setItem('skyfare.cookieConsent', 'accepted'); }");
        await browser.GotoAsync(site.BaseAddress.ToString());
        var shot = (await browser.ObserveAsync()).Screenshot!;
        var truth = await browser.ControlBoxesAsync("#search-form button, #search-form input:not([type=hidden]), #search-form select");

        var regions = await _segmenter.SegmentAsync(shot, CancellationToken.None);

        var (recall, meanIoU) = Score(truth, regions);
        Assert.True(recall >= 0.9, $"recall {recall:0.00}");
        Assert.True(meanIoU >= 0.5, $"mean IoU {meanIoU:0.00}");
    }

    [Fact]
    public async Task A_screenshot_segmented_again_returns_the_kept_segmentation_equal_to_a_fresh_one()
    {
        await browser.GotoAsync(browser.Pages.Address("form.html").ToString());
        var shot = (await browser.ObserveAsync()).Screenshot!;
        var segmenter = new ScreenSegmenter(new VisionOptions());

        var first = await segmenter.SegmentAsync(shot, CancellationToken.None);
        var again = await segmenter.SegmentAsync([.. shot], CancellationToken.None); // equal bytes in another array

        Assert.Same(first, again);
        Assert.Equal(await new ScreenSegmenter(new VisionOptions()).SegmentAsync(shot, CancellationToken.None), again);
    }

    [Fact]
    public async Task The_next_screenshot_reads_only_what_changed_and_gets_the_regions_a_fresh_read_gets()
    {
        await browser.GotoAsync(browser.Pages.Address("form.html").ToString());
        var before = (await browser.ObserveAsync()).Screenshot!;
        var segmenter = new ScreenSegmenter(new VisionOptions());
        await segmenter.SegmentAsync(before, CancellationToken.None);
        var box = (await browser.ControlBoxesAsync("#city")).Single().Box;
        await browser.DoAsync(Core.Actions.ActionKind.Fill, new Core.Actions.ElementTarget { Box = box }, "Cambridge");
        var after = (await browser.ObserveAsync()).Screenshot!;

        var next = await segmenter.SegmentAsync(after, CancellationToken.None);

        foreach (var r in next) output.WriteLine($"region {r.Kind} {r.Box} \"{r.Text}\" label={r.Label}");
        Assert.Contains(next, r => r.Text == "Cambridge");
        Assert.Equal(await new ScreenSegmenter(new VisionOptions()).SegmentAsync(after, CancellationToken.None), next);
    }

    private (double Recall, double MeanIoU) Score(IReadOnlyList<(string Name, Core.Actions.BoundingBox Box)> truth, IReadOnlyList<UiRegion> regions)
    {
        foreach (var r in regions) output.WriteLine($"region {r.Kind} {r.Box} \"{r.Text}\" label={r.Label}");
        var ious = truth.Select(t =>
        {
            var best = regions.Select(r => r.Box.IntersectionOverUnion(t.Box)).DefaultIfEmpty(0).Max();
            output.WriteLine($"truth {t.Name} {t.Box} best IoU {best:0.00}");
            return best;
        }).ToList();
        var found = ious.Where(i => i >= 0.5).ToList();
        var recall = found.Count / (double)truth.Count;
        output.WriteLine($"recall {recall:0.00} ({found.Count}/{truth.Count}), mean IoU of found {(found.Count == 0 ? 0 : found.Average()):0.00}");
        return (recall, found.Count == 0 ? 0 : found.Average());
    }
}
