using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>
/// A click on a one-layer target sends its element's description and the click together (one round trip fewer); what
/// is reported, and recorded, must still be the element as it was before the click.
/// </summary>
[Collection("browser")]
public sealed class ClickDescriptionTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_button_renamed_by_its_own_click_is_reported_by_its_name_before_the_click()
    {
        await browser.OpenAsync("renames.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Start", Exact = true });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("started", await browser.TextOfAsync("#status"));
        Assert.Equal("Stop", await browser.TextOfAsync("#toggle"));
        Assert.Equal("Start", result.ResolvedTarget?.Name);
        Assert.Equal("#toggle", result.ResolvedTarget?.Css);
        Assert.Equal("role", result.ResolvedBy);
    }

    [Fact]
    public async Task A_button_drawn_after_the_first_look_is_clicked_when_it_shows()
    {
        await browser.OpenAsync("renames.html?after=400");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Late", Exact = true });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("late clicked", await browser.TextOfAsync("#status"));
        Assert.Equal("Late", result.ResolvedTarget?.Name);
    }

    [Fact]
    public async Task A_name_two_buttons_share_clicks_neither_and_says_it_is_ambiguous()
    {
        await browser.OpenAsync("renames.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Twin", Exact = true }, timeout: TimeSpan.FromSeconds(1));

        Assert.False(result.Succeeded);
        Assert.Equal(ActionFailureKind.TargetAmbiguous, result.FailureKind);
        Assert.Equal("idle", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task A_button_that_never_shows_is_not_found_and_the_error_says_what_was_tried()
    {
        await browser.OpenAsync("renames.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Missing", Exact = true }, timeout: TimeSpan.FromSeconds(1));

        Assert.False(result.Succeeded);
        Assert.Equal(ActionFailureKind.TargetNotFound, result.FailureKind);
        Assert.Contains("role button \"Missing\": no match", result.Error, StringComparison.Ordinal);
    }
}
