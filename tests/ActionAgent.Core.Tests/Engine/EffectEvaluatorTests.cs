using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>The effect checks of the evidence rule, on snapshots before and after a sub-goal's steps.</summary>
public sealed class EffectEvaluatorTests
{
    private static UiObservation Screen(string snapshot, string location = "http://app.test/", string title = "App") =>
        new() { Location = location, Title = title, SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };

    private static EffectEvidence Check(EffectKind kind, string before, string after, string? subject = null, string? value = null) =>
        EffectEvaluator.Evaluate(new ExpectedEffect(kind, subject, value), Screen(before), Screen(after));

    [Fact]
    public void A_field_holding_the_value_shows_the_value_was_set()
    {
        var evidence = Check(EffectKind.ValueSet, "- textbox \"Email\" [ref=e1]", "- textbox \"Email\" [ref=e1]: ana@example.net", "email", "ana@example.net");

        Assert.True(evidence.Observed, evidence.Detail);
        Assert.Contains("Email", evidence.Detail);
    }

    [Fact]
    public void A_field_holding_another_value_is_not_evidence()
    {
        var evidence = Check(EffectKind.ValueSet, "- textbox \"Email\" [ref=e1]", "- textbox \"Email\" [ref=e1]: bob@example.net", "email", "ana@example.net");

        Assert.False(evidence.Observed);
        Assert.Contains("bob@example.net", evidence.Detail);
    }

    [Fact]
    public void A_date_typed_in_another_format_counts_as_the_same_value()
    {
        var evidence = Check(EffectKind.ValueSet, "- textbox \"Check-in\"", "- textbox \"Check-in\": 03/03/2027", "check-in", "2027-03-03");

        Assert.True(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void The_box_whose_label_fits_must_be_checked()
    {
        const string Before = "- checkbox \"Monthly newsletter\" [checked]\n- checkbox \"I agree to the rules\"";
        var unchanged = Check(EffectKind.Checked, Before, Before, "rules");
        var ticked = Check(EffectKind.Checked, Before, "- checkbox \"Monthly newsletter\" [checked]\n- checkbox \"I agree to the rules\" [checked]", "rules");

        Assert.False(unchanged.Observed);
        Assert.Contains("I agree to the rules", unchanged.Detail);
        Assert.True(ticked.Observed, ticked.Detail);
    }

    [Fact]
    public void A_word_the_page_never_showed_names_the_kind_of_choice_not_the_option()
    {
        const string Open = "- text: Delivery\n- generic \"Select… ▾\" [expanded=false] [ref=f1]\n- generic \"Standard (3–5 days) · free\" [ref=o1]\n- generic \"Express (1–2 days) · € 9.90\" [ref=o2]";
        static PlanStep Click(string name) => new() { Action = ActionKind.Click, Target = new ElementTarget { Name = name } };

        var standard = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Selected, null, "standard shipping"), Screen(Open),
            Screen("- text: Delivery\n- generic \"Standard (3–5 days) · free ▾\" [expanded=false] [ref=f1]"), Click("Standard (3–5 days) · free"));
        var express = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Selected, null, "standard shipping"), Screen(Open),
            Screen("- text: Delivery\n- generic \"Express (1–2 days) · € 9.90 ▾\" [expanded=false] [ref=f1]"), Click("Express (1–2 days) · € 9.90"));

        Assert.True(standard.Observed, standard.Detail);
        Assert.False(express.Observed, express.Detail);
    }

    [Fact]
    public void A_switch_named_by_its_state_is_judged_by_the_text_just_before_it()
    {
        const string Before = "- main:\n  - text: Notifications\n  - switch \"Off\" [ref=e1]\n  - text: Offline mode\n  - switch \"Off\" [ref=e2]";
        var right = Check(EffectKind.Checked, Before, "- main:\n  - text: Notifications\n  - switch \"Off\" [ref=e1]\n  - text: Offline mode\n  - switch \"On\" [checked] [ref=e2]", "offline mode");
        var wrong = Check(EffectKind.Checked, Before, "- main:\n  - text: Notifications\n  - switch \"On\" [checked] [ref=e1]\n  - text: Offline mode\n  - switch \"Off\" [ref=e2]", "offline mode");

        Assert.True(right.Observed, right.Detail);
        Assert.Contains("Offline mode", right.Detail);
        Assert.False(wrong.Observed, wrong.Detail);
    }

    [Fact]
    public void A_box_whose_name_says_its_state_turned_is_found_by_its_ref()
    {
        var evidence = Check(EffectKind.Checked, "- switch \"Off\" [ref=e7]", "- switch \"On\" [checked] [ref=e7]", "dark theme");

        Assert.True(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void Text_typed_into_the_new_item_box_is_not_an_item_on_the_list()
    {
        const string Before = "- list:\n  - listitem: buy milk\n- textbox \"New task\"";
        var typedOnly = Check(EffectKind.ItemAppeared, Before, "- list:\n  - listitem: buy milk\n- textbox \"New task\": call the bank", value: "call the bank");
        var added = Check(EffectKind.ItemAppeared, Before, "- list:\n  - listitem: buy milk\n  - listitem: call the bank\n- textbox \"New task\"", value: "call the bank");

        Assert.False(typedOnly.Observed);
        Assert.True(added.Observed, added.Detail);
    }

    [Fact]
    public void An_add_to_cart_is_proven_by_the_page_announcing_it_and_not_by_a_page_that_says_nothing()
    {
        const string Before = "- heading \"Linen shirt\" [level=1]\n- radio \"Large\" [checked]\n- button \"Add to basket\"";
        var silent = Check(EffectKind.ItemAppeared, Before, Before, subject: "cart");
        var error = Check(EffectKind.ItemAppeared, Before, Before + "\n- alert: Choose a size first.", subject: "cart");
        var announced = Check(EffectKind.ItemAppeared, Before, Before + "\n- status: Linen shirt, size Large, added. 1 item in your basket.", subject: "cart");

        Assert.False(silent.Observed);
        Assert.Contains("said nothing new", silent.Detail);
        Assert.False(error.Observed, error.Detail);
        Assert.True(announced.Observed, announced.Detail);
        Assert.Contains("1 item in your basket", announced.Detail);
    }

    [Fact]
    public void An_item_that_is_still_listed_did_not_disappear()
    {
        const string Before = "- list:\n  - listitem: old shoes\n  - listitem: new hat";
        Assert.False(Check(EffectKind.ItemDisappeared, Before, Before, value: "old shoes").Observed);
        Assert.True(Check(EffectKind.ItemDisappeared, Before, "- list:\n  - listitem: new hat", value: "old shoes").Observed);
    }

    [Fact]
    public void A_section_that_turned_expanded_is_evidence_of_expanding()
    {
        var evidence = Check(EffectKind.Expanded, "- button \"Advanced settings\" [expanded=false]", "- button \"Advanced settings\" [expanded]\n- button \"Save\"", "advanced settings");

        Assert.True(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void The_same_page_is_not_a_navigation()
    {
        const string Page = "- heading \"Search\" [level=1]\n- button \"Go\"";
        var evidence = Check(EffectKind.Navigated, Page, Page);

        Assert.False(evidence.Observed);
        Assert.Contains("stayed", evidence.Detail);
    }

    [Fact]
    public void A_new_url_is_a_navigation()
    {
        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Navigated), Screen("- button \"Go\""), Screen("- button \"Go\"", "http://app.test/results"));

        Assert.True(evidence.Observed);
    }

    [Fact]
    public void A_short_answer_in_a_status_region_shows_a_form_was_sent_but_a_busy_sign_or_an_error_does_not()
    {
        const string Form = "- textbox \"Your note\": hello\n- button \"Send\"";

        var sent = Check(EffectKind.Navigated, Form, Form + "\n- status: \"Sent: hello\"");
        var busy = Check(EffectKind.Navigated, Form, Form + "\n- status: Sending…");
        var refused = Check(EffectKind.Navigated, Form, Form + "\n- status: Too short");
        var counter = Check(EffectKind.Navigated, Form, Form + "\n- paragraph: 5 chars");

        Assert.True(sent.Observed, sent.Detail);
        Assert.Contains("Sent: hello", sent.Detail, StringComparison.Ordinal);
        Assert.False(busy.Observed, busy.Detail);
        Assert.False(refused.Observed, refused.Detail);
        Assert.False(counter.Observed, counter.Detail);
    }

    [Fact]
    public void A_send_button_that_now_reads_sent_shows_the_form_was_sent_but_one_that_reads_sending_does_not()
    {
        const string Before = "- textbox \"Message\": hi\n- button \"Clear\"\n- button \"Send\"";

        var sent = Check(EffectKind.Navigated, Before, "- textbox \"Message\": hi\n- button \"Clear\"\n- button \"Sent\" [disabled]");
        var busy = Check(EffectKind.Navigated, Before, "- textbox \"Message\": hi\n- button \"Clear\"\n- button \"Sending…\" [disabled]");
        var same = Check(EffectKind.Navigated, Before, Before);

        Assert.True(sent.Observed, sent.Detail);
        Assert.Contains("now reads \"Sent\" and is disabled", sent.Detail, StringComparison.Ordinal);
        Assert.False(same.Observed, same.Detail);
        Assert.False(busy.Observed, busy.Detail);
    }

    [Fact]
    public void An_option_named_with_its_group_shows_as_selected_when_that_option_turns_on()
    {
        const string Before = "- group \"Size\":\n  - radio \"Small\"\n  - radio \"Medium\" [checked]\n  - radio \"Large\"";

        var large = Check(EffectKind.Selected, Before, "- group \"Size\":\n  - radio \"Small\"\n  - radio \"Medium\"\n  - radio \"Large\" [checked]", null, "Large size");
        var small = Check(EffectKind.Selected, Before, "- group \"Size\":\n  - radio \"Small\" [checked]\n  - radio \"Medium\"\n  - radio \"Large\"", null, "Large size");
        var unchanged = Check(EffectKind.Selected, Before, Before, null, "Medium size");

        Assert.True(large.Observed, large.Detail);
        Assert.False(small.Observed, small.Detail);
        Assert.False(unchanged.Observed, unchanged.Detail);
    }

    [Fact]
    public void A_value_typed_into_a_field_inside_a_paragraph_is_not_a_message_from_the_page()
    {
        var typed = Check(EffectKind.Navigated, "- paragraph:\n  - text: Repeat password\n  - textbox \"Repeat password\"",
            "- paragraph:\n  - text: Repeat password\n  - textbox \"Repeat password\": River#Stone7 and more");

        Assert.False(typed.Observed, typed.Detail);
    }

    [Fact]
    public void A_chosen_option_shows_as_the_controls_value()
    {
        var evidence = Check(EffectKind.Selected, "- combobox \"Country\": Spain", "- combobox \"Country\": France", "country", "France");

        Assert.True(evidence.Observed, evidence.Detail);
    }

    // A dropdown drawn without ARIA, as the driver's probe shows it: open with its options, then closed on the choice.
    private const string OpenDropdown = """
        - generic [ref=e5]:
          - generic [ref=e6]: Delivery
          - generic [ref=e7]:
            - generic [active] [expanded=false] [ref=e8] [cursor=pointer]: Select… ▾
            - generic [ref=e9]:
              - generic [ref=e10] [cursor=pointer]: Express (1–2 days) · € 9.90
              - generic [ref=e12] [cursor=pointer]: Next day · € 14.90
        - button "Continue" [ref=e14] [cursor=pointer]
        """;

    private const string ClosedOnNextDay = """
        - generic [ref=e5]:
          - generic [ref=e6]: Delivery
          - generic [expanded=false] [ref=e7]: Next day · € 14.90 ▾
        - button "Continue" [ref=e9] [cursor=pointer]
        """;

    [Fact]
    public void A_custom_dropdown_whose_face_now_shows_the_option_just_clicked_proves_the_choice()
    {
        var click = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "e12" } };

        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Selected, null, "next day shipping"), Screen(OpenDropdown), Screen(ClosedOnNextDay), click);

        Assert.True(evidence.Observed, evidence.Detail);
        Assert.Contains("Next day · € 14.90", evidence.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_of_the_value_that_is_the_dropdowns_label_is_not_asked_of_the_option()
    {
        var open = OpenDropdown.Replace("Delivery", "Size", StringComparison.Ordinal).Replace("Next day · € 14.90", "Large (35 cm)", StringComparison.Ordinal);
        var closed = ClosedOnNextDay.Replace("Delivery", "Size", StringComparison.Ordinal).Replace("Next day · € 14.90", "Large (35 cm)", StringComparison.Ordinal);
        var click = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "e12" } };

        var large = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Selected, null, "large size"), Screen(open), Screen(closed), click);
        var largeCrust = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Selected, null, "large thin crust"), Screen(open), Screen(closed), click);

        Assert.True(large.Observed, large.Detail);
        Assert.False(largeCrust.Observed, largeCrust.Detail); // "thin" and "crust" are not the list's label: one word of three is no proof
    }

    [Fact]
    public void A_custom_dropdown_that_shows_another_option_or_stays_open_is_no_evidence_of_the_choice()
    {
        var clickExpress = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "e10" } };
        var clickNextDay = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "e12" } };
        var closedOnExpress = ClosedOnNextDay.Replace("Next day · € 14.90", "Express (1–2 days) · € 9.90", StringComparison.Ordinal);
        var wanted = new ExpectedEffect(EffectKind.Selected, null, "next day shipping");

        var wrongOption = EffectEvaluator.Evaluate(wanted, Screen(OpenDropdown), Screen(closedOnExpress), clickExpress);
        var faceUnchanged = EffectEvaluator.Evaluate(wanted, Screen(OpenDropdown), Screen(OpenDropdown), clickNextDay);

        Assert.False(wrongOption.Observed, wrongOption.Detail);
        Assert.False(faceUnchanged.Observed, faceUnchanged.Detail);
    }

    [Fact]
    public void A_filter_that_leaves_the_list_as_it_was_did_not_change_it()
    {
        const string Before = "- list:\n  - listitem: a\n  - listitem: b";
        Assert.False(Check(EffectKind.ListChanged, Before, Before).Observed);
        Assert.True(Check(EffectKind.ListChanged, Before, "- list:\n  - listitem: b").Observed);
    }

    [Fact]
    public void A_read_is_proven_by_the_extract_step()
    {
        var screen = Screen("- paragraph: Total €12");
        var step = new PlanStep { Action = ActionKind.Extract, Value = "total" };

        Assert.True(EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ValueRead), screen, screen, step).Observed);
    }

    [Fact]
    public void An_error_message_after_a_submit_is_not_a_navigation()
    {
        var evidence = Check(EffectKind.Navigated, "- textbox \"Access code\"\n- button \"Enter\"",
            "- textbox \"Access code\"\n- button \"Enter\"\n- alert: Unknown handle or code.");

        Assert.False(evidence.Observed);
        Assert.Contains("error", evidence.Detail);
    }

    [Fact]
    public void A_value_the_snapshot_shows_below_a_placeholder_counts_as_the_field_value()
    {
        // Playwright's AI snapshot puts the value of a textbox with a placeholder on a child text line.
        var before = Screen("- textbox \"Departure date\" [ref=e1]:\n  - /placeholder: YYYY-MM-DD");
        var after = Screen("- textbox \"Departure date\" [active] [ref=e1]:\n  - /placeholder: YYYY-MM-DD\n  - text: 2026-12-24");

        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ValueSet, "date", "2026-12-24"), before, after);

        Assert.True(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void A_placeholder_alone_is_not_a_value()
    {
        var screen = Screen("- textbox \"Departure date\" [ref=e1]:\n  - /placeholder: 2026-12-24");

        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ValueSet, "date", "2026-12-24"), screen, screen);

        Assert.False(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void A_short_thank_you_that_appears_after_a_send_is_its_answer_but_a_short_label_is_not()
    {
        const string Survey = "- radio \"No\" [checked]\n- button \"Submit survey\"";

        var thanks = Check(EffectKind.Navigated, Survey, Survey + "\n- paragraph: Thank you!");
        var label = Check(EffectKind.Navigated, Survey, Survey + "\n- paragraph: Price");
        var already = Check(EffectKind.Navigated, Survey + "\n- paragraph: Thank you!", Survey + "\n- paragraph: Thank you!");

        Assert.True(thanks.Observed, thanks.Detail);
        Assert.False(label.Observed, label.Detail);
        Assert.False(already.Observed, already.Detail);
    }
    [Fact]
    public void A_state_asked_in_the_goals_words_is_proven_by_the_option_that_means_it()
    {
        const string Before = "- combobox \"Who can see your profile?\": Everyone\n  - option \"Everyone\" [selected]\n  - option \"Friends only\"\n  - option \"Only me\"";
        const string After = "- combobox \"Who can see your profile?\": Only me\n  - option \"Everyone\"\n  - option \"Friends only\"\n  - option \"Only me\" [selected]";
        const string Friends = "- combobox \"Who can see your profile?\": Friends only\n  - option \"Everyone\"\n  - option \"Friends only\" [selected]\n  - option \"Only me\"";

        var privately = Check(EffectKind.Selected, Before, After, "profile", "private");
        var audience = Check(EffectKind.Selected, Before, Friends, "who can see profile", "only friends");
        var wrong = Check(EffectKind.Selected, Before, Friends, "profile", "private");

        Assert.True(privately.Observed, privately.Detail);
        Assert.Contains("Only me", privately.Detail);
        Assert.True(audience.Observed, audience.Detail);
        Assert.False(wrong.Observed, wrong.Detail);
    }

    [Fact]
    public void A_choice_shown_only_by_its_state_class_counts_when_it_was_not_marked_before()
    {
        static string Stars(int on) => string.Join("\n", Enumerable.Range(1, 5).Select(i =>
            $"- generic \"{i} star{(i > 1 ? "s" : "")}\" [cursor=pointer] [clickable]{(i <= on ? " [marked]" : "")} [css=div > i:nth-child({i})]"));

        var given = Check(EffectKind.Selected, Stars(0), Stars(3), "rating", "3 stars");
        var unchanged = Check(EffectKind.Selected, Stars(4), Stars(4), "rating", "3 stars");
        var other = Check(EffectKind.Selected, Stars(0), Stars(2), "rating", "3 stars");

        Assert.True(given.Observed, given.Detail);
        Assert.False(unchanged.Observed, unchanged.Detail);
        Assert.False(other.Observed, other.Detail);
    }
}
