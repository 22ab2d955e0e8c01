using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>
/// A planner's ref names the element it saw; a page may draw an equal element in its place right after (a suggestion
/// list answering late). A target whose role and name single out one element acts through them, so the element drawn
/// in its place is the one acted on; the ref decides only where they do not.
/// </summary>
[Collection("browser")]
public sealed class StaleRefTests(BrowserFixture browser)
{
    // The planner's look at the page: the Paris option and its ref, while the list still moves (so that a click on it
    // waits); 300 ms later the page draws the list again, after the click found the element and while it waits.
    private async Task<ElementTarget> SeeParisAsync(bool twice = false)
    {
        await browser.OpenAsync("rerender.html");
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var paris = observation.AllNodes().First(n => n.Role == "option" && n.Name == "Paris (CDG)");
        await browser.Driver.Page.EvaluateAsync($"() => setTimeout(() => redraw({(twice ? "true" : "false")}), 300)");
        return new ElementTarget { Ref = paris.Ref, Role = "option", Name = "Paris (CDG)", Box = paris.Box };
    }

    [Fact]
    public async Task A_click_on_an_option_drawn_again_while_it_waits_clicks_the_option_drawn_in_its_place()
    {
        var paris = await SeeParisAsync();

        var result = await browser.DoAsync(ActionKind.Click, paris);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("role", result.ResolvedBy);
        Assert.Equal("picked Paris (CDG) (drawing 2)", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task An_option_drawn_again_twice_over_is_not_guessed_between()
    {
        var paris = await SeeParisAsync(twice: true);

        var result = await browser.DoAsync(ActionKind.Click, paris, timeout: TimeSpan.FromSeconds(3));

        Assert.False(result.Succeeded);
        Assert.Equal("nothing picked", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task Where_the_role_and_name_match_several_the_ref_says_which()
    {
        await browser.OpenAsync("rerender.html");
        await browser.Driver.Page.EvaluateAsync("() => redraw(true)");
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var second = observation.AllNodes().Where(n => n.Role == "option" && n.Name == "Paris (CDG)").ElementAt(1);
        await browser.Driver.Page.EvaluateAsync("() => document.querySelectorAll('li')[1].onclick = () => document.getElementById('status').textContent = 'the second'");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Ref = second.Ref, Role = "option", Name = "Paris (CDG)" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("ref", result.ResolvedBy);
        Assert.Equal("the second", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task An_element_that_now_carries_the_name_somewhere_else_is_not_taken_for_the_one_the_ref_names()
    {
        // A switch named by its state: the planner saw "Off" at the first; the first is "On" now, and the other one,
        // elsewhere, is the only "Off". The ref, not the name, says which to click.
        await browser.OpenAsync("rerender.html");
        await browser.Driver.Page.EvaluateAsync("""
            () => {
              document.getElementById('list').innerHTML =
                '<li role="option" id="first" style="margin-bottom:200px">Off</li><li role="option" id="second">On</li>';
              for (const li of document.querySelectorAll('li')) li.onclick = () => document.getElementById('status').textContent = 'clicked ' + li.id;
            }
            """);
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var first = observation.AllNodes().First(n => n.Role == "option" && n.Name == "Off");
        await browser.Driver.Page.EvaluateAsync("() => { document.getElementById('first').textContent = 'On'; document.getElementById('second').textContent = 'Off'; }");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Ref = first.Ref, Role = "option", Name = "Off", Exact = true, Box = first.Box });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("ref", result.ResolvedBy);
        Assert.Equal("clicked first", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task Describing_an_element_by_a_ref_that_names_nothing_any_more_answers_at_once_instead_of_waiting()
    {
        // Found a moment ago, gone now: the description says nothing, and the action itself reports what became of it
        // (it waited Playwright's 30 s default before, and the engine gave the driver up at 23 s).
        await browser.OpenAsync("rerender.html");
        var gone = new ResolvedElement("ref", browser.Driver.Page.GetByRef("e99999"), null, browser.Driver.Page.MainFrame);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var facts = await ElementDescriber.ReadAsync(browser.Driver.Page, gone, new ElementTarget { Ref = "e99999" });

        Assert.Null(facts.Target);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
