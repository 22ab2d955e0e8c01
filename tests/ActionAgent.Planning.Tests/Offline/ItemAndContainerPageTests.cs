using System.Text.Json;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Planning.Tests.Goals;
using Xunit.Abstractions;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// Goals about items and the containers that hide them, read by the real goal interpreter and carried out by the
/// action search with the engine's evidence rule on: an item named without quotes whose "Remove" is a role-less span,
/// a delete that asks in a dialog, a box in a tab that is not open (and a "save" whose button says "Apply"), an order
/// on another page. Each page's <c>window.pageState</c> says what really happened.
/// </summary>
[Collection("demo sites")]
public sealed class ItemAndContainerPageTests(DemoSitesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Remove_an_unquoted_item_clicks_the_role_less_remove_in_its_own_line()
    {
        var result = await RunAsync("basket.html", "Remove the notebook from the basket");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Garden gloves,Desk lamp,Tea towel", await StateAsync("s.items.join(',')"));
        Assert.Equal("false", await StateAsync("String(s.paid)"));
    }

    [Fact]
    public async Task A_command_in_a_submenu_is_reached_by_hovering_the_submenu_that_holds_it()
    {
        var result = await RunAsync("editor.html", "Make the selected text italic using the Style menu");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Style > Emphasis > Italic", await StateAsync("s.chosen.join(',')"));
    }

    [Fact]
    public async Task Its_form_is_the_one_link_in_the_answer_the_question_just_opened()
    {
        var result = await RunAsync("help.html", "Expand the question about stolen bikes and open its form");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Open a claim", await StateAsync("s.opened"));
    }

    [Fact]
    public async Task A_delete_that_asks_in_a_dialog_is_confirmed_and_only_that_note_goes()
    {
        var result = await RunAsync("notes.html", "Delete the note \"Holiday ideas\" and confirm");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Groceries,Birthday list", await StateAsync("s.notes.join(',')"));
    }

    [Fact]
    public async Task A_box_in_a_tab_that_is_not_open_is_reached_and_save_presses_the_Apply_button()
    {
        var result = await RunAsync("preferences.html", "Turn on dark theme in the Display tab, then save");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("true,false,true", await StateAsync("[s.dark, s.large, s.applied].join(',')"));
    }

    [Fact]
    public async Task An_order_on_another_page_is_found_by_turning_the_pages()
    {
        var result = await RunAsync("orders.html", "Open order #2103");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("2103", await StateAsync("String(s.opened)"));
    }

    [Fact]
    public async Task The_cheapest_kettle_is_a_kettle_not_the_cheaper_accessory_named_after_it()
    {
        var result = await RunAsync("shop.html", "Add the cheapest kettle to the cart");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Glass kettle", await StateAsync("s.cart.join(',')"));
    }

    [Fact]
    public async Task A_count_edited_in_its_row_is_kept_by_the_editors_own_Save()
    {
        var result = await RunAsync("branches.html", "In the row for Riverside, change the copies to 12");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("7,12,3,9,1", await StateAsync("[...Object.values(s.copies), s.saves].join(',')"));
    }

    [Fact]
    public async Task A_count_named_by_its_row_without_a_scope_opens_that_rows_editor()
    {
        var result = await RunAsync("branches.html", "Set the copies for Harbour to 4");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("7,15,3,4,1", await StateAsync("[...Object.values(s.copies), s.saves].join(',')"));
    }

    [Fact]
    public async Task A_reply_box_opens_under_the_comment_the_goal_names_and_the_reply_is_posted_there()
    {
        var result = await RunAsync("forum.html", "Reply \"see you there\" to the comment by Mia");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Mia: see you there", await StateAsync("s.replies.join('|')"));
    }

    [Fact]
    public async Task An_answer_in_a_plain_box_is_marked_useful_in_its_own_box()
    {
        var result = await RunAsync("forum.html", "Mark the answer by Tomas as useful");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Tomas", await StateAsync("s.useful.join(',')"));
    }

    [Fact]
    public async Task Saving_a_recipe_to_a_cookbook_the_page_does_not_list_shows_as_its_star_filling()
    {
        var result = await RunAsync("forum.html", "Add \"Lentil soup\" to my cookbook");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Lentil soup", await StateAsync("s.cookbook.join(',')"));
    }

    [Fact]
    public async Task The_details_of_a_card_drawn_without_a_box_open_by_the_one_control_after_its_heading()
    {
        var result = await RunAsync("packages.html", "Show the details of the Fibre 100 package");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Fibre 100", await StateAsync("s.opened"));
    }

    [Fact]
    public async Task A_file_in_a_path_of_folders_opens_each_folder_and_then_the_file_in_the_last()
    {
        var result = await RunAsync("files.html", "Open plans.pdf in Projects > Bridge");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Projects/Bridge/plans.pdf", await StateAsync("s.opened"));
    }

    [Fact]
    public async Task A_path_opens_its_own_folder_not_the_one_closest_in_meaning()
    {
        var result = await RunAsync("files.html", "Open the file notes.md in Archive > 2026");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Archive/2026/notes.md", await StateAsync("s.opened"));
    }

    [Fact]
    public async Task A_command_over_the_list_acts_on_exactly_the_messages_that_fit_once_they_are_ticked()
    {
        var result = await RunAsync("mailbox.html", "Mark all the messages from Payroll as read");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Payroll: March payslip,Payroll: Tax form,Payroll: Pension update", await StateAsync("s.read"));
    }

    [Fact]
    public async Task The_latest_statement_is_fetched_from_the_view_it_opens_skipping_the_newer_notice_that_has_no_file()
    {
        var downloads = (await fixture.Driver.ObserveAsync(new ObserveOptions(), default)).Downloads.Count;
        var result = await RunAsync("statements.html", "Download the latest statement as a CSV");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("statement-2026-09.csv", await StateAsync("s.saved.join(',')"));
        var after = await fixture.Driver.ObserveAsync(new ObserveOptions(), default);
        Assert.Equal(downloads + 1, after.Downloads.Count);
        Assert.Equal("statement-2026-09.csv", after.Downloads[^1]);
    }

    [Fact]
    public async Task A_file_whose_link_shows_only_on_hover_is_fetched_from_its_own_item()
    {
        var result = await RunAsync("statements.html", "Download the scan passport.png");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("passport.png", await StateAsync("s.saved.join(',')"));
    }

    [Fact]
    public async Task Reading_a_file_name_off_the_page_is_no_download()
    {
        // The file the goal names is not on the page: reading another name, or opening a statement, fetches nothing.
        var result = await RunAsync("statements.html", "Download the scan visa.png");

        Assert.NotEqual(RunState.Succeeded, result.FinalState);
        Assert.Equal("", await StateAsync("s.saved.join(',')"));
    }

    [Fact]
    public async Task The_cheapest_is_counted_among_all_the_cards_not_only_the_one_whose_button_says_plan()
    {
        var result = await RunAsync("plans.html", "Choose the cheapest plan");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("Solo", await StateAsync("s.chosen"));
    }

    [Fact]
    public async Task Making_an_album_private_chooses_the_radio_that_means_it_in_a_tab_that_is_not_open()
    {
        var result = await RunAsync("sharing.html", "Make my album private in the Sharing tab");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("me,Everyone", await StateAsync("[s.see, s.comment].join(',')"));
    }

    [Fact]
    public async Task Letting_only_an_audience_comment_chooses_that_audience_in_the_list_that_says_who_can_comment()
    {
        var result = await RunAsync("sharing.html", "In the sharing settings, let only people I follow comment on the album");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("link,People I follow", await StateAsync("[s.see, s.comment].join(',')"));
    }

    [Fact]
    public async Task A_rating_shown_only_in_colour_is_given_by_the_dot_named_for_it_and_proven_by_its_state_class()
    {
        var result = await RunAsync("recipe.html", "Give the tart 4 stars and send the comment \"Lovely\"");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("4,4,Lovely", await StateAsync("[s.rating, s.sent.rating, s.sent.comment].join(',')"));
    }

    [Fact]
    public async Task A_rating_widget_that_takes_no_click_is_not_claimed()
    {
        var result = await RunAsync("recipe.html?stuck", "Rate the tart 4 stars");

        Assert.NotEqual(RunState.Succeeded, result.FinalState);
        Assert.Equal("0", await StateAsync("String(s.rating)"));
    }

    [Fact]
    public async Task An_item_put_on_a_list_with_no_add_button_is_committed_by_Enter_not_by_the_filter_link_Done()
    {
        var result = await RunAsync("todo.html?routes", "Put \"buy stamps\" on my list");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("buy stamps,all", await StateAsync("[s.items[s.items.length - 1].text, s.filter].join(',')"));
    }

    [Fact]
    public async Task Only_completed_items_is_the_filter_link_that_says_Finished()
    {
        var result = await RunAsync("todo.html?routes&labels=Everything,Still%20to%20do,Finished", "Show only completed items");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("completed", await StateAsync("s.filter"));
    }

    [Fact]
    public async Task Paperless_invoices_is_the_box_that_says_email_only_never_the_one_that_says_paper()
    {
        var result = await RunAsync("preferences.html", "Switch to paperless invoices in the Billing tab");

        Assert.True(result.FinalState == RunState.Succeeded, result.Reason);
        Assert.Equal("false,true", await StateAsync("[s.paper, s.emailed].join(',')"));
    }

    private async Task<RunResult> RunAsync(string page, string goal)
    {
        var url = fixture.Host("commands").BaseAddress + page;
        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, goal, url, maxSteps: 25, interpreter: GoalReading.Interpreter);
        output.WriteLine(sink.Describe());
        output.WriteLine(result.Reason ?? "");
        return result;
    }

    private async Task<string> StateAsync(string expression) =>
        (await fixture.Driver.Page.EvaluateAsync<JsonElement>($"() => {{ const s = window.pageState; return {expression}; }}")).GetString() ?? "";
}
