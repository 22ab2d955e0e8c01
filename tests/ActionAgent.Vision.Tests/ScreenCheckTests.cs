using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Embeddings;
using Xunit.Abstractions;
using static ActionAgent.Vision.Tests.EngineRuns;

namespace ActionAgent.Vision.Tests;

public sealed class ScreenCheckTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly EmbeddedScreenVerifier _verifier = new(MiniLmEmbedder.Shared);

    private async Task<ScreenVerdict> ActAndCheckAsync(PlanStep step, string? expectation = null)
    {
        var before = await browser.ObserveAsync();
        var result = await browser.Driver.ExecuteAsync(new UiAction(step, step.Value, false, BrowserFixture.Timeout), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var after = await browser.ObserveAsync();
        var verdict = await _verifier.VerifyAsync(new ScreenCheck(step, expectation, before, after), CancellationToken.None);
        output.WriteLine($"{verdict.Outcome} {verdict.Confidence} {verdict.Reason} {string.Join("; ", verdict.Evidence.Select(e => $"{e.Key}={e.Value}"))}");
        return verdict;
    }

    private Task OpenFormAsync() => browser.GotoAsync(browser.Pages.Address("form.html").ToString());

    [Fact]
    public async Task Without_an_accessibility_tree_the_check_reads_the_expectation_off_a_coloured_button()
    {
        await OpenFormAsync();
        var bare = await browser.ObserveAsync() with { SnapshotText = "", Nodes = [] };
        var step = Step(ActionKind.Fill, Role("textbox", "City"), "Cambridge");

        var verdict = await _verifier.VerifyAsync(new ScreenCheck(step, "Print receipt", bare, bare), CancellationToken.None);

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
        Assert.Equal("Print receipt", verdict.Evidence["matchedPhrase"]);
    }

    [Fact]
    public async Task An_expectation_whose_every_word_the_screen_shows_passes_without_embedding_the_screen()
    {
        await OpenFormAsync();
        var page = await browser.ObserveAsync();
        var step = Step(ActionKind.Fill, Role("textbox", "City"), "Cambridge");
        var counting = new CountingEmbedder(MiniLmEmbedder.Shared);
        var verifier = new EmbeddedScreenVerifier(counting);

        var every = await verifier.VerifyAsync(new ScreenCheck(step, "the shipping details", page, page), CancellationToken.None);
        var embeddedForEvery = counting.Texts;
        var some = await verifier.VerifyAsync(new ScreenCheck(step, "the delivery address form", page, page), CancellationToken.None);

        Assert.Equal((VerdictOutcome.Passed, 0.95), (every.Outcome, every.Confidence));
        Assert.Equal("Shipping details", every.Evidence["matchedPhrase"]);
        Assert.StartsWith("not computed", every.Evidence["similarity"], StringComparison.Ordinal);
        Assert.Equal(0, embeddedForEvery);
        // Words the screen does not show: the phrases are compared by meaning, as before.
        Assert.True(counting.Texts > 1, $"embedded {counting.Texts} texts");
        Assert.NotEqual(VerdictOutcome.Failed, some.Outcome);
    }

    private sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public int Texts { get; private set; }

        public string Name => inner.Name;

        public int Dimensions => inner.Dimensions;

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Texts += texts.Count;
            return inner.EmbedAsync(texts, cancellationToken);
        }
    }

    [Fact]
    public async Task A_click_on_a_disabled_button_that_changes_nothing_fails_the_check()
    {
        await OpenFormAsync();
        var box = (await browser.ControlBoxesAsync("button[disabled]")).Single().Box;

        var verdict = await ActAndCheckAsync(Step(ActionKind.Click, new ElementTarget { Box = box }));

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Contains("Nothing changed", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pixels_decide_only_when_the_tree_shows_no_change()
    {
        await OpenFormAsync();
        var before = await browser.ObserveAsync();
        // A change only the pixels show: the page's colours, not its tree.
        await browser.Driver.Page.EvaluateAsync("() => { document.body.style.background = '#000'; document.body.style.color = '#fff'; }");
        var after = await browser.ObserveAsync();
        var step = Step(ActionKind.Click, Role("button", "Cancel order"));
        Assert.Equal(before.SnapshotText, after.SnapshotText);

        var byPixels = await _verifier.VerifyAsync(new ScreenCheck(step, null, before, after), CancellationToken.None);
        var byTree = await _verifier.VerifyAsync(new ScreenCheck(step, null, before, after with { SnapshotText = after.SnapshotText + "\n- paragraph: Order cancelled" }), CancellationToken.None);

        Assert.Equal(VerdictOutcome.Passed, byPixels.Outcome);
        Assert.True(double.Parse(byPixels.Evidence["changeRatio"], System.Globalization.CultureInfo.InvariantCulture) > 0.5, byPixels.Evidence["changeRatio"]);
        Assert.Equal(VerdictOutcome.Passed, byTree.Outcome);
        Assert.Equal("not compared (the page changed)", byTree.Evidence["changeRatio"]);
        await browser.Driver.Page.EvaluateAsync("() => { document.body.style.background = ''; document.body.style.color = ''; }");
    }

    [Fact]
    public async Task The_check_asks_for_the_after_picture_only_when_it_would_look_at_it_and_decides_the_same_without_it()
    {
        await OpenFormAsync();
        var before = await browser.ObserveAsync();
        var after = before with { SnapshotText = before.SnapshotText + "\n- paragraph: Order cancelled" };
        var step = Step(ActionKind.Click, Role("button", "Cancel order"));
        var changedTree = new ScreenCheck(step, null, before, after);

        // The tree changed and nothing is expected: the pixels are never compared nor read.
        Assert.False(_verifier.NeedsScreenshot(changedTree));
        var withPicture = await _verifier.VerifyAsync(changedTree, CancellationToken.None);
        var withoutPicture = await _verifier.VerifyAsync(changedTree with { After = after with { Screenshot = null } }, CancellationToken.None);
        Assert.Equal((withPicture.Outcome, withPicture.Reason), (withoutPicture.Outcome, withoutPicture.Reason));
        Assert.Equal(VerdictOutcome.Passed, withoutPicture.Outcome);

        // The tree alone says nothing changed (the pixels decide), or an expectation may need reading off the picture.
        Assert.True(_verifier.NeedsScreenshot(new ScreenCheck(step, null, before, before)));
        // Without a picture from before there is nothing to compare an after-picture with: the page's count decides.
        Assert.False(_verifier.NeedsScreenshot(new ScreenCheck(step, null, before with { Screenshot = null }, before)));
        Assert.True(_verifier.NeedsScreenshot(changedTree with { Expectation = "the order is cancelled" }));
    }

    [Fact]
    public async Task An_expectation_is_not_passed_on_two_of_its_three_words_scattered_over_the_menus()
    {
        // SkyFare's results page: "Manage booking" in the header, "Confirmation" in the booking progress; no reference.
        const string menus = """
            - navigation "Main":
              - link "Book"
              - link "Manage booking"
              - link "Check in"
            - navigation "Steps":
              - list:
                - listitem: Search
                - listitem: Payment
                - listitem: Confirmation
            """;
        var results = Screen(menus + "\n- heading \"Flights from London (LHR) to Paris (CDG)\" [level=1]\n- button \"Select flight NW 109, €58\"");
        var confirmed = Screen(menus + "\n- heading \"Booking confirmed\" [level=1]\n- paragraph: \"Booking reference: SKY-4F2K\"");
        var step = Step(ActionKind.Click, Role("button", "Pay €58"));
        const string expectation = "a confirmation page showing a booking reference";

        var payment = Screen(menus + "\n- heading \"Payment\" [level=1]");
        var onResults = await _verifier.VerifyAsync(new ScreenCheck(step, expectation, payment, results), CancellationToken.None);
        var onConfirmation = await _verifier.VerifyAsync(new ScreenCheck(step, expectation, payment, confirmed), CancellationToken.None);
        output.WriteLine($"{onResults.Outcome} {onResults.Reason} | {onConfirmation.Outcome} {onConfirmation.Reason}");

        Assert.NotEqual(VerdictOutcome.Passed, onResults.Outcome);
        Assert.Equal("0.67", onResults.Evidence["wordShare"]);
        Assert.Equal(VerdictOutcome.Passed, onConfirmation.Outcome);
        Assert.Equal("1.00", onConfirmation.Evidence["wordShare"]);
    }

    private static UiObservation Screen(string snapshot) => new()
    {
        Location = "http://skyfare.test/#results", Title = "SkyFare", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot),
    };

    [Fact]
    public async Task A_click_the_tree_does_not_show_is_neither_passed_nor_failed_without_a_picture_from_before_it()
    {
        await OpenFormAsync();
        // A page that keeps no count of its DOM changes (one loaded before the driver, or an app): only pictures tell.
        var page = await browser.ObserveAsync() with { DomChanges = null };
        var click = Step(ActionKind.Click, Role("button", "Cancel order"));
        var fill = Step(ActionKind.Fill, Role("textbox", "City"), "Cambridge");

        // The tree did not change and only the after-picture is there: no change can be claimed, nor denied.
        var unknown = await _verifier.VerifyAsync(new ScreenCheck(click, null, page with { Screenshot = null }, page), CancellationToken.None);
        // With both pictures, the same screen is "nothing changed".
        var same = await _verifier.VerifyAsync(new ScreenCheck(click, null, page, page), CancellationToken.None);

        Assert.Equal(VerdictOutcome.Unsure, unknown.Outcome);
        Assert.Equal("unknown", unknown.Evidence["changeRatio"]);
        Assert.Equal(VerdictOutcome.Failed, same.Outcome);
        // Which steps the check needs a picture from before for, when a run takes only the pictures it needs.
        Assert.True(_verifier.NeedsScreenshotBefore(click, page));
        Assert.False(_verifier.NeedsScreenshotBefore(fill, page));
        Assert.True(_verifier.NeedsScreenshotBefore(fill with { Expect = "the city is Cambridge" }, page));
        Assert.True(_verifier.NeedsScreenshotBefore(fill, page with { SnapshotText = "", Nodes = [] }));
        Assert.False(_verifier.NeedsScreenshotBefore(Step(ActionKind.Goto, null, "https://example.test/"), page with { SnapshotText = "", Nodes = [] }));
    }

    private async Task<(ScreenVerdict WithPictures, ScreenVerdict WithoutBefore)> ClickAndCheckBothWaysAsync(string name)
    {
        var before = await browser.ObserveAsync();
        var step = Step(ActionKind.Click, Role("button", name, exact: true));
        var result = await browser.Driver.ExecuteAsync(new UiAction(step, null, false, BrowserFixture.Timeout), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var after = await browser.ObserveAsync();
        var both = await _verifier.VerifyAsync(new ScreenCheck(step, null, before, after), CancellationToken.None);
        var afterOnly = await _verifier.VerifyAsync(new ScreenCheck(step, null, before with { Screenshot = null }, after), CancellationToken.None);
        foreach (var verdict in new[] { both, afterOnly })
        {
            output.WriteLine($"{name}: {verdict.Outcome} {verdict.Reason} {string.Join("; ", verdict.Evidence.Select(e => $"{e.Key}={e.Value}"))}");
        }
        // The page counts what it changed: no picture from before the click is needed to tell.
        Assert.False(_verifier.NeedsScreenshotBefore(step, before));
        return (both, afterOnly);
    }

    private static double Share(ScreenVerdict verdict) => double.Parse(verdict.Evidence["domChangeShare"], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_click_whose_only_effect_is_a_colour_passes_with_or_without_a_picture_from_before_it()
    {
        await browser.GotoAsync(browser.Pages.Address("meter.html").ToString());

        var (both, afterOnly) = await ClickAndCheckBothWaysAsync("Favourite");

        Assert.Equal((VerdictOutcome.Passed, VerdictOutcome.Passed), (both.Outcome, afterOnly.Outcome));
        Assert.True(Share(afterOnly) > 0.001, afterOnly.Evidence["domChangeShare"]);
    }

    [Fact]
    public async Task A_dead_button_that_lights_up_under_the_pointer_fails_though_its_pixels_changed()
    {
        await browser.GotoAsync(browser.Pages.Address("meter.html").ToString());

        var (both, afterOnly) = await ClickAndCheckBothWaysAsync("Help");

        // The hover colour changed the pixels; the page changed nothing.
        Assert.True(double.Parse(both.Evidence["changeRatio"], System.Globalization.CultureInfo.InvariantCulture) > 0.001, both.Evidence["changeRatio"]);
        Assert.Equal(0, Share(both));
        Assert.Equal((VerdictOutcome.Failed, VerdictOutcome.Failed), (both.Outcome, afterOnly.Outcome));
        Assert.Contains("Nothing changed", afterOnly.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scroll_that_brings_a_dead_button_into_view_is_not_its_effect_and_a_scroll_the_page_makes_is()
    {
        await browser.GotoAsync(browser.Pages.Address("meter.html").ToString());

        var (deadBoth, deadAfterOnly) = await ClickAndCheckBothWaysAsync("Apply later");
        var (topBoth, topAfterOnly) = await ClickAndCheckBothWaysAsync("Back to top");

        Assert.Equal((VerdictOutcome.Failed, VerdictOutcome.Failed), (deadBoth.Outcome, deadAfterOnly.Outcome));
        Assert.Equal((VerdictOutcome.Passed, VerdictOutcome.Passed), (topBoth.Outcome, topAfterOnly.Outcome));
        Assert.True(Share(topAfterOnly) > 0.5, topAfterOnly.Evidence["domChangeShare"]);
    }

    [Fact]
    public async Task A_box_the_page_scrolls_after_a_click_counts_as_its_effect()
    {
        await browser.GotoAsync(browser.Pages.Address("meter.html").ToString());
        var before = await browser.ObserveAsync();
        var step = Step(ActionKind.Click, Role("button", "Jump to latest", exact: true));
        var result = await browser.Driver.ExecuteAsync(new UiAction(step, null, false, BrowserFixture.Timeout), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        // A box's scroll event comes with the next frame.
        await browser.Driver.Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var after = await browser.ObserveAsync();

        var verdict = await _verifier.VerifyAsync(new ScreenCheck(step, null, before with { Screenshot = null }, after), CancellationToken.None);

        Assert.Equal("no", verdict.Evidence["domChanged"]);
        Assert.True(Share(verdict) > 0.01, verdict.Evidence["domChangeShare"]);
        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
    }

    [Theory]
    [InlineData(RunScreenshots.All)]
    [InlineData(RunScreenshots.Failures)]
    public async Task A_run_whose_step_clicks_a_dead_button_fails_at_that_step_whatever_pictures_it_takes(RunScreenshots pictures)
    {
        var start = browser.Pages.Address("meter.html").ToString();
        PlanStep[] steps = [Step(ActionKind.Click, Role("button", "Favourite", exact: true)), Step(ActionKind.Click, Role("button", "Help", exact: true))];

        var (result, _) = await RunAsync(browser.Driver, start, steps, new RunEngineServices { Verifier = _verifier, Screenshots = pictures });

        foreach (var s in result.Steps) output.WriteLine($"{s.Index} {s.Action} {s.Outcome} {s.Verdict?.Outcome} {s.Verdict?.Reason} {s.ShotBefore} {s.Error}");
        // It succeeded before: the click moved the focus to the button, which the check counted as a change.
        Assert.False(result.Succeeded);
        Assert.Equal([VerdictOutcome.Passed, VerdictOutcome.Failed], result.Steps.Where(s => s.Action == "click").Select(s => s.Verdict?.Outcome ?? VerdictOutcome.Unsure));
        // Without every picture, the page's count decided: no picture was taken before either click.
        if (pictures == RunScreenshots.Failures) Assert.All(result.Steps, s => Assert.Null(s.ShotBefore));
    }

    [Fact]
    public async Task A_page_that_draws_on_a_canvas_or_paints_the_agents_masks_is_counted_as_it_should()
    {
        await browser.GotoAsync(browser.Pages.Address("meter.html").ToString());
        var before = await browser.ObserveAsync();
        // The masks painted over a secret for a picture are the agent's, not the page's.
        await browser.Driver.ScreenshotAsync([new ElementTarget { Box = new BoundingBox(40, 80, 120, 40) }], CancellationToken.None);
        var masked = await browser.ObserveAsync();
        Assert.Equal(0, DomChangeMeter.Between(before.DomChanges, masked.DomChanges));

        await browser.Driver.Page.EvaluateAsync("() => { const c = document.createElement('canvas'); c.width = 200; c.height = 100; document.querySelector('h1').after(c); }");
        var drawn = await browser.ObserveAsync();
        var click = Step(ActionKind.Click, Role("button", "Favourite", exact: true));

        // A canvas in view draws what no element says: the count cannot tell, the pictures decide.
        Assert.True(drawn.DomChanges?.Opaque);
        Assert.Null(DomChangeMeter.Between(masked.DomChanges, drawn.DomChanges));
        Assert.True(_verifier.NeedsScreenshotBefore(click, drawn));
        var unknown = await _verifier.VerifyAsync(new ScreenCheck(click, null, drawn with { Screenshot = null }, drawn), CancellationToken.None);
        Assert.Equal(VerdictOutcome.Unsure, unknown.Outcome);
    }

    [Fact]
    public async Task A_submit_that_shows_a_validation_error_fails_the_check_and_quotes_the_message()
    {
        await OpenFormAsync();

        var verdict = await ActAndCheckAsync(Step(ActionKind.Click, Role("button", "Print receipt")));

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Contains("enter a postcode", verdict.Evidence["newAlert"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_navigation_to_the_wrong_page_fails_the_stated_expectation()
    {
        await OpenFormAsync();

        var verdict = await ActAndCheckAsync(Step(ActionKind.Click, Role("link", "Contact us")), "the receipt for the order is printed");

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
    }

    [Fact]
    public async Task A_click_that_shows_what_was_expected_passes()
    {
        await OpenFormAsync();

        var verdict = await ActAndCheckAsync(Step(ActionKind.Click, Role("button", "Cancel order")), "the order is cancelled");

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
    }

    [Fact]
    public async Task Filling_a_field_passes_without_any_navigation()
    {
        await OpenFormAsync();

        var verdict = await ActAndCheckAsync(Step(ActionKind.Fill, Role("textbox", "City"), "Lisbon"));

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
    }

    [Fact]
    public async Task A_full_SkyFare_booking_raises_no_false_alarm()
    {
        await using var site = await Sites.SiteHost.StartAsync(Sites.SiteCatalog.Resolve(BrowserFixture.SitesRoot, "skyfare"));
        var start = site.Address("index.html?today=2026-12-01").ToString();
        await browser.GotoAsync(start);
        await browser.Driver.Page.EvaluateAsync("() => localStorage.clear()");
        PlanStep[] steps =
        [
            Step(ActionKind.Click, Role("button", "Accept all")),
            Step(ActionKind.Fill, Role("combobox", "From"), "LHR"),
            Step(ActionKind.Fill, Role("combobox", "To"), "CDG"),
            Step(ActionKind.Fill, Role("textbox", "Departure date"), "2026-12-24"),
            Step(ActionKind.Click, Role("button", "Search flights")),
            Step(ActionKind.WaitFor, new ElementTarget { Text = "flights found" }, expect: "flights from London to Paris"),
            Step(ActionKind.Click, new ElementTarget { XPath = "(//button[starts-with(@aria-label,'Select flight')])[1]" }),
            Step(ActionKind.Click, Role("button", "Continue", exact: true)),
            Step(ActionKind.Fill, Role("textbox", "First name"), "Ada"),
            Step(ActionKind.Fill, Role("textbox", "Last name"), "Lovelace"),
            Step(ActionKind.Fill, Role("textbox", "Email"), "ada@example.com"),
            Step(ActionKind.Click, Role("button", "Continue to payment")),
            Step(ActionKind.Fill, Role("textbox", "Card number"), "4242 4242 4242 4242"),
            Step(ActionKind.Fill, Role("textbox", "Name on card"), "Ada Lovelace"),
            Step(ActionKind.Fill, Role("textbox", "Expiry (MM/YY)"), "12/29"),
            Step(ActionKind.Fill, Role("textbox", "CVC"), "123"),
            Step(ActionKind.Click, Role("button", "Pay")),
            Step(ActionKind.WaitFor, new ElementTarget { Role = "heading", Name = "Booking confirmed" }, expect: "a confirmation page showing a booking reference"),
        ];

        var (result, _) = await RunAsync(browser.Driver, start, steps, new RunEngineServices { Verifier = _verifier });

        foreach (var s in result.Steps) output.WriteLine($"{s.Index} {s.Action} {s.Outcome} {s.Verdict?.Outcome} {s.Verdict?.Reason} {s.Error}");
        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.DoesNotContain(result.Steps, s => s.Verdict?.Outcome == VerdictOutcome.Failed);
    }
}
