using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

[Collection("browser")]
public sealed class ActionTests(BrowserFixture browser)
{
    [Fact]
    public async Task Type_sends_keys_one_by_one_so_autocomplete_suggests()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Type, new ElementTarget { Label = "Destination" }, "Par");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Paris\nParma", await browser.TextOfAsync("#suggestions"));
    }

    [Fact]
    public async Task Fill_on_a_read_only_field_fails_without_waiting_out_the_timeout_and_says_it_is_read_only()
    {
        await browser.OpenAsync("form.html");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // A generous timeout: waiting for the field to become editable would take all of it.
        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "Travel date" }, "2027-01-01", TimeSpan.FromSeconds(30));

        Assert.False(result.Succeeded);
        Assert.Equal(ActionFailureKind.NotActionable, result.FailureKind);
        Assert.Contains("read-only", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"waited out the timeout: {clock.Elapsed}");
        Assert.Equal("2026-12-24", await browser.Driver.Page.InputValueAsync("#when"));
    }

    [Theory]
    [InlineData("Volume", "70%", "#volume", "70")]
    [InlineData("Budget", "€ 450", "#budget", "450")]
    public async Task Fill_puts_the_number_of_a_value_with_a_unit_into_a_range_or_number_field(string label, string value, string css, string expected)
    {
        await browser.OpenAsync("values.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = label }, value);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, await browser.Driver.Page.InputValueAsync(css));
    }

    [Fact]
    public async Task Fill_refuses_a_value_with_no_single_number_for_a_range_field_and_leaves_it()
    {
        await browser.OpenAsync("values.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "Volume" }, "from 20 to 30");

        Assert.Equal(ActionFailureKind.InvalidStep, result.FailureKind);
        Assert.Contains("is not one", result.Error, StringComparison.Ordinal);
        Assert.Equal("50", await browser.Driver.Page.InputValueAsync("#volume"));
    }

    [Fact]
    public async Task Fill_sets_an_aria_slider_with_the_arrow_keys_and_reads_the_value_back()
    {
        await browser.OpenAsync("values.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Role = "slider", Name = "Brightness" }, "7");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("7", await browser.Driver.Page.GetAttributeAsync("#brightness", "aria-valuenow"));
    }

    [Fact]
    public async Task Fill_on_a_spin_button_that_ignores_the_keys_fails_at_once_saying_so()
    {
        await browser.OpenAsync("values.html");

        var result = await browser.DoAsync(ActionKind.Fill, new ElementTarget { Role = "spinbutton", Name = "Seats" }, "5");

        Assert.Equal(ActionFailureKind.NotActionable, result.FailureKind);
        Assert.Contains("does not answer the arrow keys", result.Error, StringComparison.Ordinal);
        Assert.Equal("2", await browser.Driver.Page.GetAttributeAsync("#seats", "aria-valuenow"));
    }

    [Theory]
    [InlineData("Business")]
    [InlineData("biz")]
    public async Task Select_chooses_a_native_option_by_label_or_value(string value)
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Select, new ElementTarget { Label = "Class" }, value);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("biz", await browser.Driver.Page.InputValueAsync("#cls"));
    }

    [Fact]
    public async Task Failed_select_of_a_secret_value_does_not_repeat_the_value()
    {
        await browser.OpenAsync("form.html");
        var action = BrowserFixture.Act(ActionKind.Select, new ElementTarget { Label = "Class" }, "hunter2", secret: true);

        var result = await browser.Driver.ExecuteAsync(action, CancellationToken.None);

        Assert.Equal(ActionFailureKind.TargetNotFound, result.FailureKind);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_opens_a_custom_listbox_and_clicks_the_option()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Select, new ElementTarget { Role = "combobox", Name = "Meal" }, "Vegan");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Vegan", await browser.TextOfAsync("#meal"));
    }

    [Fact]
    public async Task Check_then_uncheck_toggles_the_checkbox()
    {
        await browser.OpenAsync("form.html");
        var box = new ElementTarget { Role = "checkbox", Name = "Travel insurance" };

        var check = await browser.DoAsync(ActionKind.Check, box);
        var checkedAfter = await browser.Driver.Page.IsCheckedAsync("#insure");
        var uncheck = await browser.DoAsync(ActionKind.Uncheck, box);

        Assert.True(check.Succeeded && uncheck.Succeeded, check.Error ?? uncheck.Error);
        Assert.Equal((true, false), (checkedAfter, await browser.Driver.Page.IsCheckedAsync("#insure")));
    }

    [Fact]
    public async Task Press_Enter_in_a_field_submits_its_form()
    {
        await browser.OpenAsync("form.html");
        await browser.DoAsync(ActionKind.Fill, new ElementTarget { Label = "From city" }, "Oslo");

        var result = await browser.DoAsync(ActionKind.Press, new ElementTarget { Label = "From city" }, "Enter");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("submitted Oslo", await browser.TextOfAsync("#status"));
    }

    [Fact]
    public async Task Extract_reads_the_element_text()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Extract, new ElementTarget { Css = "#price" });

        Assert.Equal("€ 123", result.ExtractedText);
    }

    [Fact]
    public async Task Assert_text_passes_when_the_text_is_visible()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Assert, null, "Book a trip");

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task Assert_text_fails_and_says_what_the_page_shows()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Assert, null, "Booking confirmed", TimeSpan.FromMilliseconds(300));

        Assert.Equal(ActionFailureKind.AssertionFailed, result.FailureKind);
        Assert.Contains("Book a trip", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_for_text_waits_for_content_that_appears_later()
    {
        await browser.OpenAsync("form.html?late");

        var result = await browser.DoAsync(ActionKind.WaitFor, null, "Loaded later");

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task Click_waits_for_a_button_that_appears_later()
    {
        await browser.OpenAsync("form.html?late");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Late button" });

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task Wait_for_a_missing_target_times_out_and_says_what_it_waited_for()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.WaitFor, new ElementTarget { Text = "Never there" }, timeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(ActionFailureKind.Timeout, result.FailureKind);
        Assert.Contains("text \"Never there\" to be visible", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goto_resolves_a_relative_url_against_the_current_page()
    {
        await browser.OpenAsync("form.html");

        var result = await browser.DoAsync(ActionKind.Goto, null, "shadow.html");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(browser.Site.Url("shadow.html"), browser.Driver.Page.Url);
    }

    [Fact]
    public async Task Observe_returns_the_ai_snapshot_with_refs_and_the_viewport()
    {
        await browser.OpenAsync("form.html");

        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        Assert.Equal(("Form page", (1280, 800)), (observation.Title, observation.Viewport));
        Assert.Contains(observation.AllNodes(), n => n.Role == "textbox" && n.Name == "From city" && n.Ref is not null && n.Box is not null);
    }

    [Fact]
    public async Task A_symbol_only_clickable_without_a_role_is_named_by_its_title()
    {
        await browser.OpenAsync("form.html");
        await browser.Driver.Page.EvaluateAsync("""
            () => {
              const rating = document.createElement('div');
              for (let i = 1; i <= 3; i++) {
                const star = document.createElement('span');
                star.textContent = '★'; star.title = i + ' stars'; star.onclick = () => {};
                rating.appendChild(star);
              }
              const more = document.createElement('span');
              more.textContent = 'Show more'; more.title = 'ignored'; more.onclick = () => {};
              document.body.append(rating, more);
            }
            """);

        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var probed = observation.AllNodes().Where(n => n.Flags.Contains("clickable")).Select(n => n.Name).ToList();

        Assert.Contains("2 stars", probed);
        Assert.Contains("Show more", probed); // its own words win over its title
        Assert.DoesNotContain("★", probed);
    }

    [Fact]
    public async Task A_clickable_whose_state_shows_only_in_a_class_of_its_own_is_marked()
    {
        await browser.OpenAsync("form.html");
        await browser.Driver.Page.EvaluateAsync("""
            () => {
              const classes = ['dot is-active', 'dot dot--on', 'dot', 'icon', 'dot non-active-ish'];
              classes.forEach((c, i) => {
                const dot = document.createElement('i');
                dot.className = c; dot.setAttribute('aria-label', 'dot ' + (i + 1)); dot.textContent = '●'; dot.onclick = () => {};
                document.body.append(dot);
              });
            }
            """);

        var observation = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var marked = observation.AllNodes().Where(n => n.Flags.Contains("clickable") && n.Flags.Contains("marked")).Select(n => n.Name).ToList();

        Assert.Equal(["dot 1", "dot 2"], marked);
    }

    [Fact]
    public async Task Screenshot_with_a_mask_paints_over_the_secret_field()
    {
        await browser.OpenAsync("form.html");
        var secret = new ElementTarget { Css = "#secret" };

        var plain = await browser.Driver.ScreenshotAsync([], CancellationToken.None);
        var masked = await browser.Driver.ScreenshotAsync([secret], CancellationToken.None);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], masked[..4]);
        Assert.NotEqual(plain, masked);
        var box = await browser.Driver.Page.Locator("#secret").BoundingBoxAsync();
        Assert.NotNull(box);
        // Every pixel of the field is the mask's colour, and the page shows no overlay once the picture is taken.
        var colours = await PixelColoursAsync(masked, box);
        Assert.Equal(["255,0,255"], colours);
        Assert.DoesNotContain("255,0,255", await PixelColoursAsync(plain, box));
        Assert.Equal(0, await browser.Driver.Page.Locator("[data-actionagent-mask]").CountAsync());
    }

    [Fact]
    public async Task A_masked_field_that_has_left_the_page_is_painted_where_it_was_last_seen()
    {
        await browser.OpenAsync("form.html");
        var gone = new ElementTarget { Css = "#no-such-field", Box = new Core.Actions.BoundingBox(40, 40, 120, 30) };

        var masked = await browser.Driver.ScreenshotAsync([gone], CancellationToken.None);

        Assert.Equal(["255,0,255"], await PixelColoursAsync(masked, new() { X = 40, Y = 40, Width = 120, Height = 30 }));
    }

    [Fact]
    public async Task An_observation_reads_the_same_tree_while_its_masked_picture_is_taken()
    {
        await browser.OpenAsync("form.html");
        var secret = new ElementTarget { Css = "#secret" };
        var alone = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        // The capture session opened with the driver: the picture is taken while the tree is read.
        await browser.Driver.ObserveAsync(new ObserveOptions(true, [secret]), CancellationToken.None);
        var together = await browser.Driver.ObserveAsync(new ObserveOptions(true, [secret]), CancellationToken.None);

        Assert.Equal(alone.SnapshotText, together.SnapshotText);
        Assert.Equal(alone.Title, together.Title);
        var box = await browser.Driver.Page.Locator("#secret").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(["255,0,255"], await PixelColoursAsync(together.Screenshot!, box));
        Assert.Equal(0, await browser.Driver.Page.Locator("[data-actionagent-mask]").CountAsync());
    }

    [Fact]
    public async Task An_observation_asked_for_its_picture_later_returns_the_tree_at_once_and_the_masked_picture_after()
    {
        await browser.OpenAsync("form.html");
        var secret = new ElementTarget { Css = "#secret" };
        var alone = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        var later = await browser.Driver.ObserveAsync(new ObserveOptions(true, [secret]) { ScreenshotLater = true }, CancellationToken.None);

        Assert.Null(later.Screenshot);
        Assert.NotNull(later.PendingScreenshot);
        Assert.Equal(alone.SnapshotText, later.SnapshotText);
        var picture = await later.PendingScreenshot;
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], picture.Take(4));
        var box = await browser.Driver.Page.Locator("#secret").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(["255,0,255"], await PixelColoursAsync(picture, box));
        Assert.Equal(0, await browser.Driver.Page.Locator("[data-actionagent-mask]").CountAsync());
    }

    [Fact]
    public async Task A_screenshot_holds_animations_still_and_leaves_the_page_as_it_was()
    {
        await browser.OpenAsync("form.html");
        await browser.Driver.Page.EvaluateAsync("""
            () => {
              const spinner = document.createElement('div');
              spinner.id = 'spinner';
              spinner.style.cssText = 'position:fixed;left:0;top:0;width:60px;height:60px;background:red';
              document.body.append(spinner);
              spinner.animate([{ opacity: 1 }, { opacity: 0 }], { duration: 300, iterations: Infinity });
            }
            """);
        await browser.Driver.Page.Locator("#secret").FocusAsync();

        // A spinner fading in and out (and the caret of a focused field, hidden when the browser draws one): at rest, two
        // pictures a moment apart are one picture (the rasteriser may round an anti-aliased edge one step differently:
        // those are not counted).
        var first = await browser.Driver.ScreenshotAsync([], CancellationToken.None);
        await Task.Delay(170);
        var second = await browser.Driver.ScreenshotAsync([], CancellationToken.None);

        Assert.Equal(0, await DifferingPixelsAsync(first, second));
        Assert.Equal("running", await browser.Driver.Page.EvaluateAsync<string>("() => document.getElementById('spinner').getAnimations()[0].playState"));
        Assert.Equal(0, await browser.Driver.Page.Locator("[data-actionagent-mask]").CountAsync());
        Assert.True(await browser.Driver.Page.EvaluateAsync<bool>("() => document.activeElement.id === 'secret'"));
    }

    [Fact]
    public async Task A_screenshot_of_a_page_with_nothing_to_hold_leaves_no_trace_and_one_with_a_focused_field_leaves_it_as_it_was()
    {
        await browser.OpenAsync("form.html");

        // Nothing masked, nothing animated, nothing focused: the page is not touched beyond the finished animations.
        await browser.Driver.ScreenshotAsync([], CancellationToken.None);
        Assert.False(await browser.Driver.Page.EvaluateAsync<bool>("() => '__actionAgentHeldAnimations' in window"));
        Assert.Equal(0, await browser.Driver.Page.Locator("[data-actionagent-mask]").CountAsync());

        // A focused field: its caret is hidden for the picture and shown again after it.
        await browser.Driver.Page.Locator("#secret").FocusAsync();
        var caret = await browser.Driver.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).caretColor");
        await browser.Driver.ScreenshotAsync([], CancellationToken.None);
        Assert.Equal(0, await browser.Driver.Page.Locator("[data-actionagent-mask]").CountAsync());
        Assert.Equal(caret, await browser.Driver.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).caretColor"));
        Assert.False(await browser.Driver.Page.EvaluateAsync<bool>("() => '__actionAgentHeldAnimations' in window"));
    }

    // A PNG's pixels in a context of its own, read by the browser itself (no image library here).
    private const string ReadPngScript = """
        async (data, x = 0, y = 0, w = 0, h = 0) => {
          const image = new Image();
          image.src = 'data:image/png;base64,' + data;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width; canvas.height = image.height;
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0);
          return context.getImageData(x, y, w || image.width, h || image.height).data;
        }
        """;

    // How many pixels of two PNGs differ by more than a rounding step in any channel.
    private async Task<int> DifferingPixelsAsync(byte[] first, byte[] second) =>
        await browser.Driver.Page.EvaluateAsync<int>($$"""
            async ([a, b]) => {
              const read = {{ReadPngScript}};
              const [x, y] = [await read(a), await read(b)];
              if (x.length !== y.length) return -1;
              let differing = 0;
              for (let i = 0; i < x.length; i += 4) {
                if (Math.abs(x[i] - y[i]) > 2 || Math.abs(x[i + 1] - y[i + 1]) > 2 || Math.abs(x[i + 2] - y[i + 2]) > 2) differing++;
              }
              return differing;
            }
            """, new[] { Convert.ToBase64String(first), Convert.ToBase64String(second) });

    // The distinct colours of a PNG's pixels inside a box (one pixel in from its edges).
    private async Task<string[]> PixelColoursAsync(byte[] png, Microsoft.Playwright.LocatorBoundingBoxResult box) =>
        await browser.Driver.Page.EvaluateAsync<string[]>($$"""
            async ({ data, x, y, w, h }) => {
              const pixels = await ({{ReadPngScript}})(data, Math.ceil(x) + 1, Math.ceil(y) + 1, Math.floor(w) - 2, Math.floor(h) - 2);
              const seen = new Set();
              for (let i = 0; i < pixels.length; i += 4) seen.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
              return [...seen];
            }
            """, new { data = Convert.ToBase64String(png), x = (double)box.X, y = (double)box.Y, w = (double)box.Width, h = (double)box.Height });

    [Fact]
    public async Task A_confirm_raised_by_the_agents_click_is_accepted_and_reported_on_the_result()
    {
        await browser.OpenAsync("confirm.html");

        var result = await browser.DoAsync(ActionKind.Click, new ElementTarget { Css = "#team li:first-child button" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["confirm \"Remove Rob Smith?\" accepted"], result.Dialogs);
        Assert.Equal(0, await browser.Driver.Page.GetByText("Rob Smith").CountAsync());
    }

    [Fact]
    public async Task A_confirm_the_page_raises_long_after_the_agents_action_is_dismissed_and_reported_with_the_next_action()
    {
        await browser.OpenAsync("confirm.html");

        var clicked = await browser.DoAsync(ActionKind.Click, new ElementTarget { Role = "button", Name = "Later" });
        await browser.Driver.Page.WaitForFunctionAsync("document.getElementById('late').textContent !== 'not asked'", null, new() { Timeout = 10_000 });
        var next = await browser.DoAsync(ActionKind.Assert, null, "Team members");

        Assert.True(clicked.Succeeded, clicked.Error);
        Assert.Empty(clicked.Dialogs);
        Assert.Equal("kept", await browser.TextOfAsync("#late"));
        Assert.Equal(["confirm \"Empty the whole team?\" dismissed (not raised by the agent's action)"], next.Dialogs);
    }

    [Fact]
    public async Task On_a_page_the_caller_owns_the_driver_answers_only_the_dialogs_of_its_own_actions()
    {
        var page = await browser.Driver.Page.Context.NewPageAsync();
        try
        {
            var answeredByCaller = new List<string>();
            page.Dialog += async (_, dialog) =>
            {
                answeredByCaller.Add(dialog.Message);
                try { await dialog.AcceptAsync(); } catch (Microsoft.Playwright.PlaywrightException) { /* the driver answered first */ }
            };
            await using var driver = await PlaywrightDriver.ForPageAsync(page);
            await page.GotoAsync(browser.Site.Url("confirm.html"));

            var callers = await page.EvaluateAsync<bool>("() => confirm('The caller asks')");
            var clicked = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Click, new ElementTarget { Css = "#team li:first-child button" }), CancellationToken.None);

            Assert.True(callers, "the caller's own confirm was not left to the caller's handler");
            Assert.True(clicked.Succeeded, clicked.Error);
            Assert.Equal(["confirm \"Remove Rob Smith?\" accepted"], clicked.Dialogs);
            Assert.Equal(0, await page.GetByText("Rob Smith").CountAsync());
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
