using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

[Collection("browser")]
public sealed class TargetResolutionTests(BrowserFixture browser)
{
    public static TheoryData<string, ElementTarget> SaveButtonByEachLayer => new()
    {
        { "testid", new ElementTarget { TestId = "save-button" } },
        { "role", new ElementTarget { Role = "button", Name = "Save", Exact = true } },
        { "text", new ElementTarget { Text = "Save", Exact = true } },
        { "css", new ElementTarget { Css = "button.primary" } },
        { "xpath", new ElementTarget { XPath = "//button[@id='save']" } },
    };

    [Theory]
    [MemberData(nameof(SaveButtonByEachLayer))]
    public async Task Click_by_a_single_layer_finds_the_button_and_names_the_layer(string layer, ElementTarget target)
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Click, target);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(layer, result.ResolvedBy);
        Assert.Equal("saved", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task Fill_by_label_finds_the_field_by_its_label_text()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "From city" }, "London");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("label", result.ResolvedBy);
        Assert.Equal("London", await browser.Driver.Page.InputValueAsync("#from"));
    }

    [Fact]
    public async Task Fill_by_placeholder_finds_the_field_by_its_placeholder()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Placeholder = "Where to?" }, "Paris");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("placeholder", result.ResolvedBy);
        Assert.Equal("Paris", await browser.Driver.Page.InputValueAsync("#to"));
    }

    [Fact]
    public async Task Click_by_ref_from_a_snapshot_uses_the_ref_layer()
    {
        await browser.OpenAsync("form.html");
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var save = observation.AllNodes().Single(n => n.Role == "button" && n.Name == "Save");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Ref = save.Ref });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("ref", result.ResolvedBy);
        Assert.Equal("saved", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task Click_by_ref_reaches_a_button_inside_a_cross_origin_iframe()
    {
        await browser.OpenAsync("frames.html");
        await browser.Driver.Page.Frame("cross")!.GetByRole(Microsoft.Playwright.AriaRole.Button).WaitForAsync();
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var button = observation.AllNodes().Single(n => n.Role == "button" && n.Name == "Cross origin button");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Ref = button.Ref });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("cross clicked", await browser.TextOfAsync("#cross-status", frame: "cross"));
    }

    [Fact]
    public async Task Click_by_box_clicks_the_centre_and_describes_the_element_there()
    {
        await browser.OpenAsync("form.html");
        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var box = observation.AllNodes().Single(n => n.Role == "button" && n.Name == "Save").Box;

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Box = box });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("box", result.ResolvedBy);
        Assert.Equal("saved", await browser.TextOfAsync("#status"));
        Assert.Equal("#save", result.ResolvedTarget?.Css);
    }

    [Fact]
    public async Task Ambiguous_role_falls_through_to_the_css_layer()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Delete", Css = "#delete-two" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("css", result.ResolvedBy);
        Assert.Equal("deleted two", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task Ambiguous_target_without_another_layer_fails_as_ambiguous()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Delete" }, timeout: TimeSpan.FromMilliseconds(400));

        Assert.Equal(ActionFailureKind.TargetAmbiguous, result.FailureKind);
    }

    [Fact]
    public async Task Resolved_target_describes_the_element_in_every_layer()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Css = "#save" });

        var described = result.ResolvedTarget!;
        Assert.Equal(("button", "Save", "save-button", "#save", "/html/body/button[1]"),
            (described.Role, described.Name, described.TestId, described.Css, described.XPath));
        Assert.True(described.Box!.Width > 0);
    }

    [Fact]
    public async Task Resolved_field_carries_its_label_and_a_css_path_that_finds_it_again()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Placeholder = "Where to?" }, "Rome");

        var described = result.ResolvedTarget!;
        Assert.Equal(("textbox", "Where to?", "#to"), (described.Role, described.Placeholder, described.Css));
    }

    [Fact]
    public async Task Fill_by_label_finds_the_field_inside_a_same_origin_iframe()
    {
        await browser.OpenAsync("frames.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "Frame email" }, "a@b.c");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("a@b.c", await browser.Driver.Page.Frame("same")!.InputValueAsync("#email"));
    }

    [Fact]
    public async Task Click_by_role_finds_the_button_inside_a_cross_origin_iframe()
    {
        await browser.OpenAsync("frames.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Cross origin button" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("cross clicked", await browser.TextOfAsync("#cross-status", frame: "cross"));
    }

    [Fact]
    public async Task Click_by_role_finds_the_button_inside_shadow_dom()
    {
        await browser.OpenAsync("shadow.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Shadow save" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("shadow saved", await browser.TextOfAsync("#status"));
        Assert.Equal("#shadow-save", result.ResolvedTarget?.Css);
    }

    [Fact]
    public async Task Not_found_names_the_layers_tried_and_the_closest_buttons()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Sav it", Css = "#nope" }, timeout: TimeSpan.FromMilliseconds(400));

        Assert.Equal(ActionFailureKind.TargetNotFound, result.FailureKind);
        Assert.Contains("role button \"Sav it\": no match", result.Error, StringComparison.Ordinal);
        Assert.Contains("css #nope: no match", result.Error, StringComparison.Ordinal);
        Assert.Contains("button \"Save\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Semantic_only_target_is_refused_until_grounded()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Click, ElementTarget.Describe("the save button"));

        Assert.Equal(ActionFailureKind.InvalidStep, result.FailureKind);
        Assert.Contains("grounded first", result.Error, StringComparison.Ordinal);
    }
}
