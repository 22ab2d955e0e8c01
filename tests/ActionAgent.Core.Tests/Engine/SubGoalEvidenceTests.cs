using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// The stricter half of the evidence rule: an effect that shows is not enough when it shows on the wrong item, for only
/// some of "every" item, in the wrong order, as an error message, or for a file that was never fetched.
/// </summary>
public sealed class SubGoalEvidenceTests
{
    private const string Feed = """
        - article [ref=a1]:
          - text: Ana Ruiz @ana · 1h
          - img "Photo: lake"
          - button "Like" [ref=l1]
        - article [ref=a2]:
          - text: Anabel K @anabel · 2h
          - img "Photo: cat"
          - button "Like" [ref=l2]
        - article [ref=a3]:
          - text: Ana Ruiz @ana · 3h
          - paragraph: Busy day!
          - button "Like" [ref=l3]
        - article [ref=a4]:
          - text: Ana Ruiz @ana · 4h
          - img "Photo: beach"
          - button "Like" [ref=l4]
        - button "Done" [ref=d1]
        """;

    private static UiObservation Screen(string snapshot, string location = "http://app.test/", string title = "App") =>
        new() { Location = location, Title = title, SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };

    private static SubGoal Goal(ActionFamily family, EffectKind effect, string text, string obj = "", string? scope = null, Quantity quantity = Quantity.One,
        string? subject = null, string? value = null, string? verb = null, IReadOnlyList<GoalValue>? values = null) => new()
    {
        Index = 1, Family = family, Text = text, Object = obj, Scope = scope, Verb = verb, Values = values ?? [],
        Qualifiers = new GoalQualifiers { Quantity = quantity }, Effect = new ExpectedEffect(effect, subject, value),
    };

    private static EffectStep Click(string reference, UiObservation before) =>
        new(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = reference, Role = "button" } }, before);

    private static string Liked(params string[] refs) =>
        refs.Aggregate(Feed, (snapshot, r) => snapshot.Replace($"button \"Like\" [ref={r}]", $"button \"Like\" [pressed] [ref={r}]", StringComparison.Ordinal));

    [Fact]
    public void Only_the_boxes_a_goal_keeps_may_stay_checked_in_the_group_it_names()
    {
        const string Pizza = """
            - group "Toppings":
              - checkbox "Cheese" [checked]
              - checkbox "Olives" [checked]
              - checkbox "Mushrooms"
            - group "Sauces":
              - checkbox "Garlic" [checked]
            """;
        var goal = new SubGoal
        {
            Index = 3, Family = ActionFamily.Toggle, Text = "Select only cheese and olives as toppings", Object = "toppings",
            Values = [new(GoalValueKind.Text, "cheese", GoalValue.ExceptLabel), new(GoalValueKind.Text, "olives", GoalValue.ExceptLabel)],
            Qualifiers = new GoalQualifiers { Quantity = Quantity.All, DesiredState = false }, Effect = new ExpectedEffect(EffectKind.Unchecked, "toppings"),
        };

        var cleared = EffectEvaluator.Evaluate(goal, Screen(Pizza), Screen(Pizza));
        var extra = EffectEvaluator.Evaluate(goal, Screen(Pizza), Screen(Pizza.Replace("checkbox \"Mushrooms\"", "checkbox \"Mushrooms\" [checked]", StringComparison.Ordinal)));

        Assert.True(cleared.Observed, cleared.Detail); // the checked Garlic is in another group
        Assert.False(extra.Observed, extra.Detail);
        Assert.Contains("Mushrooms", extra.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Following_the_wrong_person_is_not_following_the_one_the_goal_names()
    {
        const string People = "- list:\n  - listitem: Eli Moss @eli\n    - button \"Follow\" [ref=f1]\n  - listitem: Elias Berg @elias\n    - button \"Follow\" [ref=f2]";
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "Follow @eli", "follow", scope: "@eli", verb: "follow");
        var before = Screen(People);

        var wrong = EffectEvaluator.Evaluate(goal, before, Screen(People.Replace("\"Follow\" [ref=f2]", "\"Following\" [ref=f2]", StringComparison.Ordinal)), Click("f2", before));
        var right = EffectEvaluator.Evaluate(goal, before, Screen(People.Replace("\"Follow\" [ref=f1]", "\"Following\" [ref=f1]", StringComparison.Ordinal)), Click("f1", before));

        Assert.False(wrong.Observed, wrong.Detail);
        Assert.Contains("@eli", wrong.Detail);
        Assert.True(right.Observed, right.Detail);
    }

    [Fact]
    public void A_like_is_credited_to_every_photo_by_ana_only_when_each_of_them_and_nothing_else_was_liked()
    {
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "like every photo posted by @ana", "like", scope: "photo posted by @ana", quantity: Quantity.All, verb: "like");
        var before = Screen(Feed);

        var oneOfTwo = EffectEvaluator.Evaluate(goal, before, Screen(Liked("l1")), Click("l1", before));
        var both = EffectEvaluator.Evaluate(goal, before, Screen(Liked("l1", "l4")), Click("l4", Screen(Liked("l1"))));
        var alsoTheTextPost = EffectEvaluator.Evaluate(goal, before, Screen(Liked("l1", "l3", "l4")), Click("l4", Screen(Liked("l1", "l3"))));
        var anabel = EffectEvaluator.Evaluate(goal, before, Screen(Liked("l2")), Click("l2", before));

        Assert.False(oneOfTwo.Observed, oneOfTwo.Detail);
        Assert.Contains("did not change", oneOfTwo.Detail);
        Assert.True(both.Observed, both.Detail);
        Assert.False(alsoTheTextPost.Observed, alsoTheTextPost.Detail);
        Assert.False(anabel.Observed, anabel.Detail);
        Assert.Contains("@ana", anabel.Detail);
    }

    [Fact]
    public void A_value_typed_over_by_a_later_sub_goal_is_no_longer_achieved()
    {
        var stars = Goal(ActionFamily.EnterText, EffectKind.ValueSet, "Give the product 3 stars", "stars", subject: "stars", value: "3") with { Index = 1 };
        var review = Goal(ActionFamily.EnterText, EffectKind.ValueSet, "post the review", "review", subject: "review", value: "Arrived quickly") with { Index = 2 };
        var ledger = new SubGoalLedger([stars, review]);
        const string Box = "- textbox \"Your review\" [ref=t1]";
        PlanStep Fill(int goal, string value) => new() { Action = ActionKind.Fill, Value = value, SubGoal = goal, Target = new ElementTarget { Ref = "t1", Role = "textbox", Name = "Your review" } };

        ledger.AfterStep(1, Fill(1, "3"), Screen(Box), Screen(Box + ": \"3\""));
        Assert.True(ledger.IsAchieved(1));
        ledger.AfterStep(2, Fill(2, "Arrived quickly"), Screen(Box + ": \"3\""), Screen(Box + ": Arrived quickly"));

        Assert.False(ledger.IsAchieved(1));
        Assert.True(ledger.IsAchieved(2));
        Assert.Contains("typed over", ledger.LastSeen(1));
    }

    [Fact]
    public void A_later_like_on_a_post_that_does_not_fit_undoes_every_photo_by_ana()
    {
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "like every photo posted by @ana", "like", scope: "photo posted by @ana", quantity: Quantity.All, verb: "like");
        var ledger = new SubGoalLedger([goal]);

        ledger.Note(goal, new EffectEvidence(true, "each of the item(s) that fit changed"), 1);
        ledger.Note(goal, new EffectEvidence(false, "an item that does not fit changed too"), 2);

        Assert.False(ledger.IsAchieved(1));
    }

    [Fact]
    public void A_screen_the_flow_moved_on_to_shows_no_like_at_all_even_after_a_wrong_one()
    {
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "like every photo posted by @ana", "like", scope: "photo posted by @ana", quantity: Quantity.All, verb: "like");

        // "Done" after a wrong like opened another page: judged from the first screen to that page, nothing shows.
        var movedOn = EffectEvaluator.Evaluate(goal, Screen(Feed), Screen("- heading \"Home\" [level=1]\n- paragraph: You liked 3 posts."));

        Assert.False(movedOn.Observed, movedOn.Detail);
        Assert.Contains("no item is on the screen", movedOn.Detail);
    }

    [Fact]
    public void Expanding_the_folder_is_not_opening_the_file_inside_it()
    {
        const string Collapsed = "- tree:\n  - treeitem \"Documents\" [ref=t1]\n  - treeitem \"Pictures\" [ref=t2]";
        const string Open = """
            - tree:
              - treeitem "Documents" [expanded] [ref=t1]:
                - group:
                  - treeitem "2025" [ref=t3]:
                    - group:
                      - treeitem "budget.xlsx" [ref=t5]
                  - treeitem "2026" [ref=t4]:
                    - group:
                      - treeitem "budget.xlsx" [ref=t6]
              - treeitem "Pictures" [ref=t2]
            """;
        var goal = Goal(ActionFamily.Activate, EffectKind.Navigated, "Open the file budget.xlsx in Documents > 2026", "file budget.xlsx in Documents > 2026", verb: "open");
        var before = Screen(Collapsed);
        var open = Screen(Open);

        var expanded = EffectEvaluator.Evaluate(goal, before, open, new EffectStep(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "t1" } }, before));
        var wrongYear = EffectEvaluator.Evaluate(goal, before, Screen(Open + "\n- heading \"budget.xlsx\""), new EffectStep(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "t5" } }, open));
        var right = EffectEvaluator.Evaluate(goal, before, Screen(Open + "\n- heading \"budget.xlsx\""), new EffectStep(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "t6" } }, open));

        Assert.False(expanded.Observed, expanded.Detail);
        Assert.Contains("budget.xlsx", expanded.Detail);
        Assert.False(wrongYear.Observed, wrongYear.Detail);
        Assert.True(right.Observed, right.Detail);
    }

    [Theory]
    [InlineData("Sort the payments by date, newest first", "2027-01-04|2027-02-11|2027-03-01", false)]
    [InlineData("Sort the payments by date, newest first", "2027-03-01|2027-02-11|2027-01-04", true)]
    [InlineData("Sort the payments by date, oldest first", "2027-01-04|2027-02-11|2027-03-01", true)]
    [InlineData("Sort the products by price, most expensive first", "€ 12.00|€ 30.50|€ 4.99", false)]
    [InlineData("Sort the products by price", "€ 4.99|€ 12.00|€ 30.50", true)]
    public void A_sort_is_proven_by_the_order_of_the_rows(string goalText, string rows, bool holds)
    {
        string Table(string[] cells) => "- table:\n  - row:\n    - columnheader \"Date\"\n" + string.Concat(cells.Select(c => $"  - row:\n    - cell: {c}\n"));
        var goal = Goal(ActionFamily.Filter, EffectKind.ListChanged, goalText, "payments", verb: "sort");
        var before = Screen(Table(["2027-02-11", "2027-01-04", "2027-03-01", "x"]));

        var evidence = EffectEvaluator.Evaluate(goal, before, Screen(Table(rows.Split('|'))));

        Assert.Equal(holds, evidence.Observed);
    }

    [Theory]
    [InlineData("Step 2 of 3: Plan", false)]
    [InlineData("Step 3 of 3: Review", true)]
    [InlineData("All set", true)]
    public void Finishing_a_flow_is_not_proven_by_reaching_its_next_step(string heading, bool holds)
    {
        var before = Screen("- heading \"Step 1 of 3: Name\" [level=2] [ref=h1]\n- textbox \"Name\" [ref=e1]\n- button \"Next\" [ref=e2]", "http://app.test/#1");
        var after = Screen($"- heading \"{heading}\" [level=2] [ref=h1]\n- button \"Next\" [ref=e2]", "http://app.test/#2");
        var goal = Goal(ActionFamily.Submit, EffectKind.Navigated, "finish the setup", obj: "setup", verb: "finish");

        var evidence = EffectEvaluator.Evaluate(goal, before, after, Click("e2", before));

        Assert.True(evidence.Observed == holds, evidence.Detail);
    }

    [Theory]
    [InlineData("The passwords do not match.")]
    [InlineData("Enter both dates.")]
    [InlineData("Use at least 8 characters.")]
    [InlineData("That did not match our records. Try again.")]
    public void A_form_that_answers_with_a_refusal_did_not_submit(string message)
    {
        var before = Screen("- textbox \"Password\" [ref=e1]\n- button \"Sign up\" [ref=e2]\n- alert");
        var after = Screen($"- textbox \"Password\" [ref=e1]\n- button \"Sign up\" [ref=e2]\n- alert: {message}");

        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Navigated), before, after);

        Assert.False(evidence.Observed, evidence.Detail);
        Assert.Contains(message, evidence.Detail);
    }

    [Fact]
    public void A_new_page_that_asks_for_the_next_step_and_says_what_follows_is_no_refusal()
    {
        var before = Screen("- heading \"Support\" [level=1]\n- link \"Open a claim\" [ref=e1]");
        var after = Screen("- heading \"Open a claim\" [level=1]\n- paragraph: Fill in the form and we will answer within a day.");

        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Navigated), before, after);

        Assert.True(evidence.Observed, evidence.Detail);
        Assert.True(EffectEvaluator.LooksLikeError("Fill in the form."));
    }

    [Fact]
    public void A_link_to_an_anchor_on_the_same_page_is_not_a_navigation_by_itself()
    {
        const string Page = "- textbox \"User name\" [ref=e1]\n- button \"Continue\" [ref=e2]\n- link \"Create an account\" [ref=e3]";

        var anchor = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Navigated), Screen(Page, "http://app.test/login"), Screen(Page, "http://app.test/login#join"));
        var page = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Navigated), Screen(Page, "http://app.test/login"), Screen("- heading \"Welcome\"", "http://app.test/home"));

        Assert.False(anchor.Observed, anchor.Detail);
        Assert.True(page.Observed, page.Detail);
    }

    [Fact]
    public void A_moved_focus_is_not_a_screen_change()
    {
        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ScreenChanged),
            Screen("- button \"Mark as read\" [ref=e1]\n- list:\n  - listitem: Billing Update"),
            Screen("- button \"Mark as read\" [active] [ref=e1]\n- list:\n  - listitem: Billing Update"));

        Assert.False(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void A_download_is_not_proven_by_reading_the_file_name_off_the_page()
    {
        const string Album = "- list:\n  - listitem \"bridge.jpg\" [ref=p1]\n  - listitem \"beach.jpg\" [ref=p2]";
        var goal = Goal(ActionFamily.Read, EffectKind.ValueRead, "Download the photo bridge.jpg", "photo bridge.jpg", verb: "download");
        var before = Screen(Album);

        var read = EffectEvaluator.Evaluate(goal, before, before, new EffectStep(new PlanStep { Action = ActionKind.Extract, Value = "photo", Target = new ElementTarget { Ref = "p1" } }, before));

        Assert.False(read.Observed, read.Detail);
        Assert.Contains("file", read.Detail);
    }

    [Fact]
    public void A_download_is_proven_by_the_browser_fetching_the_file_the_goal_names_and_by_nothing_else()
    {
        const string Docs = """
            - row "Account statement September 2026" [ref=r1]:
              - cell "Account statement September 2026"
              - link "Save as CSV" [ref=s1]
            - row "Lease" [ref=r2]:
              - cell "Lease"
              - link "Save lease.png" [ref=s2]
            """;
        var goal = Goal(ActionFamily.Read, EffectKind.ValueRead, "Download the latest statement as a CSV", "statement", verb: "download");
        var before = Screen(Docs) with { Downloads = ["old.pdf"] };
        EffectStep Press(string r) => new(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = r, Role = "link" } }, before);

        var right = EffectEvaluator.Evaluate(goal, before, before with { Downloads = ["old.pdf", "statement-2026-09.csv"] }, Press("s1"));
        var wrong = EffectEvaluator.Evaluate(goal, before, before with { Downloads = ["old.pdf", "lease.png"] }, Press("s2"));
        var nothing = EffectEvaluator.Evaluate(goal, before, Screen(Docs + "\n- paragraph: Your statement is ready.") with { Downloads = ["old.pdf"] }, Press("s1"));

        Assert.True(right.Observed, right.Detail);
        Assert.Contains("statement-2026-09.csv", right.Detail);
        Assert.False(wrong.Observed, wrong.Detail);
        Assert.Contains("does not", wrong.Detail.Replace("neither", "does not", StringComparison.Ordinal));
        Assert.False(nothing.Observed, nothing.Detail);
    }

    [Fact]
    public void The_cheapest_is_proven_only_by_acting_in_the_item_with_the_lowest_price_of_its_kind()
    {
        const string Shop = """
            - generic:
              - generic:
                - heading "Team" [level=3]
                - paragraph: €24 a month
                - button "Start now" [ref=b1]
              - generic:
                - heading "Solo" [level=3]
                - paragraph: €8 a month
                - button "Choose" [ref=b2]
              - generic:
                - heading "Solo kettle case (accessory)" [level=3]
                - paragraph: €3 a month
                - button "Choose" [ref=b3]
            """;
        var goal = Goal(ActionFamily.Pick, EffectKind.Navigated, "Choose the cheapest plan", "plan") with
        {
            Qualifiers = new GoalQualifiers { Ordering = "cheapest" },
        };
        var before = Screen(Shop);
        var after = Screen("- heading \"Create your account\" [level=1]", location: "http://app.test/account");

        var pricier = EffectEvaluator.Evaluate(goal, before, after, Click("b1", before));
        var cheapest = EffectEvaluator.Evaluate(goal, before, after, Click("b3", before));
        const string Kettles = """
            - list:
              - listitem:
                - text: Nordic kettle €54
                - button "Add to cart" [ref=k1]
              - listitem:
                - text: Aero kettle €40
                - button "Add to cart" [ref=k2]
              - listitem:
                - text: kettle case (accessory) €12
                - button "Add to cart" [ref=k3]
            """;
        var kettles = Screen(Kettles);
        var kettle = EffectEvaluator.Evaluate(goal with { Object = "add to cart", Scope = "kettle", Text = "Add the cheapest kettle to the cart" }, kettles, Screen(Kettles + "\n- status: Added"), Click("k2", kettles));

        Assert.False(pricier.Observed, pricier.Detail);
        Assert.Contains("costs less", pricier.Detail);
        Assert.True(cheapest.Observed, cheapest.Detail);
        // Beside a "kettle case (accessory)", only the items that are kettles by their title count.
        Assert.True(kettle.Observed, kettle.Detail);
    }

    [Fact]
    public void A_download_the_page_announces_counts_when_the_message_names_the_file_asked_for()
    {
        const string Mail = "- heading \"Your invoice for April 2027\" [level=2]\n- button \"⤓ invoice-2027-04.pdf\" [ref=b1]";
        var goal = Goal(ActionFamily.Read, EffectKind.ValueRead, "Get the latest invoice as a PDF", "invoice", verb: "get",
            values: [new GoalValue(GoalValueKind.Text, "PDF", "format")]);
        var before = Screen(Mail);
        var step = new EffectStep(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "b1", Role = "button" } }, before);

        var announced = EffectEvaluator.Evaluate(goal, before, Screen(Mail + "\n- status: Downloading invoice-2027-04.pdf…"), step);
        var other = EffectEvaluator.Evaluate(goal, before, Screen(Mail + "\n- status: Payment saved"), step);

        Assert.True(announced.Observed, announced.Detail);
        Assert.False(other.Observed, other.Detail);
    }

    [Fact]
    public void A_bulk_action_counts_only_when_exactly_the_items_from_the_sender_are_selected()
    {
        static string Inbox(bool billing1, bool billing2, bool ana) => $"""
            - button "Mark as read" [ref=b1]
            - list:
              - listitem:
                - checkbox "Select message from Billing"{(billing1 ? " [checked]" : "")} [ref=c1]
                - text: Billing — Update #1
              - listitem:
                - checkbox "Select message from Ana"{(ana ? " [checked]" : "")} [ref=c2]
                - text: Ana — Hello
              - listitem:
                - checkbox "Select message from Billing"{(billing2 ? " [checked]" : "")} [ref=c3]
                - text: Billing — Update #3
            - status: {(billing1 ? "Marked as read" : "")}
            """;
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "mark as read all the messages from Billing", "mark as read", scope: "the messages from Billing", verb: "mark as read");

        var right = Screen(Inbox(true, true, false));
        var tooMany = Screen(Inbox(true, true, true));
        var ok = EffectEvaluator.Evaluate(goal, right, Screen(Inbox(true, true, false).Replace("- status: Marked as read", "- status: 2 marked as read", StringComparison.Ordinal)), Click("b1", right));
        var wrong = EffectEvaluator.Evaluate(goal, tooMany, Screen(Inbox(true, true, true).Replace("- status: Marked as read", "- status: 3 marked as read", StringComparison.Ordinal)), Click("b1", tooMany));

        Assert.True(ok.Observed, ok.Detail);
        Assert.False(wrong.Observed, wrong.Detail);
    }

    [Fact]
    public void A_word_of_the_goal_that_names_an_offered_option_must_be_the_chosen_option()
    {
        const string Form = "- group \"How often?\":\n  - radio \"Weekly digest\"{0}\n  - radio \"Monthly digest\"{1}\n  - radio \"Daily digest\"";
        var goal = Goal(ActionFamily.Submit, EffectKind.Navigated, "sign up", "monthly newsletter", subject: "monthly newsletter", verb: "sign up");

        var weekly = EffectEvaluator.UnchosenOption(goal, Screen(string.Format(System.Globalization.CultureInfo.InvariantCulture, Form, " [checked]", "")));
        var monthly = EffectEvaluator.UnchosenOption(goal, Screen(string.Format(System.Globalization.CultureInfo.InvariantCulture, Form, "", " [checked]")));

        Assert.NotNull(weekly);
        Assert.Contains("Monthly digest", weekly);
        Assert.Null(monthly);
    }

    [Fact]
    public void An_error_left_on_the_final_screen_is_found_but_not_in_the_users_own_text()
    {
        var first = Screen("- textbox \"New task\"\n- list:\n  - listitem: buy milk");
        var goals = new[] { Goal(ActionFamily.EnterText, EffectKind.ItemAppeared, "add the task", values: [new GoalValue(GoalValueKind.Text, "fix the login error")]) };

        var ownItem = EffectEvaluator.ErrorAtEnd(first, Screen("- textbox \"New task\"\n- list:\n  - listitem: buy milk\n  - listitem: fix the login error"), goals);
        var refused = EffectEvaluator.ErrorAtEnd(first, Screen("- textbox \"New task\"\n- list:\n  - listitem: buy milk\n- alert: The task name is too long."), goals);

        Assert.Null(ownItem);
        Assert.Equal("The task name is too long.", refused);
    }

    [Fact]
    public void A_name_the_goal_gives_a_form_must_have_been_typed_or_shown()
    {
        var goal = Goal(ActionFamily.Submit, EffectKind.Navigated, "create an account for Ana Lopes", "sign up", subject: "Ana Lopes", verb: "press");
        var created = Screen("- textbox \"Full name\"\n- textbox \"Email\": ana@example.net\n- alert: Account created. Welcome!");

        var missing = EffectEvaluator.UnplacedName(goal, ["ana@example.net"], created);
        var typed = EffectEvaluator.UnplacedName(goal, ["Ana Lopes", "ana@example.net"], created);

        Assert.NotNull(missing);
        Assert.Contains("Ana Lopes", missing);
        Assert.Null(typed);
    }

    [Fact]
    public void A_goal_that_names_nothing_to_act_on_is_not_reached_by_any_change_of_screen()
    {
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "In the privacy settings, let only me see my profile", "", scope: "privacy settings, let only me see my profile");
        var before = Screen("- tab \"General\" [selected] [ref=t1]\n- tab \"Privacy\" [ref=t2]\n- text: Language");
        var after = Screen("- tab \"General\" [ref=t1]\n- tab \"Privacy\" [selected] [ref=t2]\n- combobox \"Who can see your profile?\": Everyone");

        var evidence = EffectEvaluator.Evaluate(goal, before, after, Click("t2", before));

        Assert.False(evidence.Observed, evidence.Detail);
        Assert.Contains("names nothing", evidence.Detail);
    }

    [Fact]
    public void A_probed_clickable_is_placed_by_its_css_path_and_judged_by_the_text_around_it()
    {
        var goal = Goal(ActionFamily.Expand, EffectKind.Expanded, "show the details of the Fibre 100 package", "details", scope: "Fibre 100");
        const string Cards = """
            - main:
              - heading "Fibre 500" [level=2]
              - text: What you get
              - heading "Fibre 100" [level=2]
              - text: What you get
            - generic "What you get" [cursor=pointer] [clickable] [css=main > div:nth-child(2) > span] [ctx=Fibre 500 €39 a month What you get]
            - generic "What you get" [cursor=pointer] [clickable] [css=main > div:nth-child(3) > span] [ctx=Fibre 100 €29 a month What you get]
            """;
        var before = Screen(Cards);
        var after = Screen(Cards + "\n- paragraph: 100 Mbit/s, 12 months.");
        EffectStep On(string css) => new(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Role = "text", Name = "What you get", Css = css } }, before);

        var right = EffectEvaluator.Evaluate(goal, before, after, On("main > div:nth-child(3) > span"));
        var wrong = EffectEvaluator.Evaluate(goal, before, after, On("main > div:nth-child(2) > span"));

        Assert.True(right.Observed, right.Detail);
        Assert.False(wrong.Observed, wrong.Detail);
        Assert.Contains("100", wrong.Detail);
    }

    [Fact]
    public void A_form_is_not_sent_by_a_link_whose_words_do_not_fit_the_goal()
    {
        var goal = Goal(ActionFamily.Submit, EffectKind.Navigated, "sign up for the monthly newsletter", "sign up", subject: "monthly newsletter", verb: "press");
        var before = Screen("- textbox \"Email\": ana@example.net\n- button \"Count me in\" [ref=b1]\n- generic \"Contact support\" [ref=s1]\n- paragraph: Questions?");
        var after = Screen("- textbox \"Email\": ana@example.net\n- button \"Count me in\" [ref=b1]\n- generic \"Contact support\" [ref=s1]\n- paragraph: Write to help@example.net any time about anything");

        var support = EffectEvaluator.Evaluate(goal, before, after, new EffectStep(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "s1" } }, before));
        var button = EffectEvaluator.Evaluate(goal, before, after, new EffectStep(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "b1" } }, before));

        Assert.False(support.Observed, support.Detail);
        Assert.Contains("sends no form", support.Detail);
        Assert.True(button.Observed, button.Detail);
    }

    [Fact]
    public void A_button_whose_label_gains_a_mark_changed_the_screen()
    {
        var evidence = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ScreenChanged), Screen("- button \"Done\" [ref=e1]"), Screen("- button \"Done ✓\" [ref=e1]"));

        Assert.True(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void A_pick_that_names_no_choice_is_done_when_the_page_newly_says_the_thing_was_done_in_the_goals_words()
    {
        var pick = Goal(ActionFamily.Pick, EffectKind.Selected, "Reserve a table for 4 at 20:45", obj: "table", verb: "reserve");
        const string Form = "- heading \"Book a table\" [level=1]\n- textbox \"Arrival time\": \"20:45\"\n- button \"Reserve\"";
        const string Reserved = "- heading \"Table reserved\" [level=1]\n- paragraph: A table for 4 at 20:45. See you soon!";

        var done = EffectEvaluator.Evaluate(pick, Screen(Form), Screen(Reserved));
        var sameScreen = EffectEvaluator.Confirmation(pick, Screen(Reserved), Screen(Reserved));
        var otherThing = EffectEvaluator.Confirmation(pick with { Object = "flight", Verb = "book" }, Screen(Form), Screen("- heading \"Order placed\" [level=1]"));
        var aChoiceAsked = EffectEvaluator.Confirmation(pick with { Qualifiers = new GoalQualifiers { Ordering = "cheapest" } }, Screen(Form), Screen(Reserved));

        Assert.True(done.Observed, done.Detail);
        Assert.Contains("table reserved", done.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Null(sameScreen);
        Assert.Null(otherThing);
        Assert.Null(aChoiceAsked);
    }

    [Fact]
    public void A_filter_on_a_list_the_page_only_counts_is_proven_by_the_count_of_the_things_changing()
    {
        const string Before = "- heading \"Bikes\" [level=1]\n- slider \"Maximum price\": \"1000\"\n- button \"Apply filters\"\n- paragraph: 24 bikes";
        var applied = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ListChanged, "bikes"), Screen(Before),
            Screen(Before.Replace("1000", "450", StringComparison.Ordinal).Replace("24 bikes", "10 bikes up to € 450", StringComparison.Ordinal)));
        var sliderOnly = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ListChanged, "bikes"), Screen(Before),
            Screen(Before.Replace("1000", "450", StringComparison.Ordinal)));

        Assert.True(applied.Observed, applied.Detail);
        Assert.Contains("10 bikes", applied.Detail);
        Assert.False(sliderOnly.Observed, sliderOnly.Detail);
    }

    [Fact]
    public void Another_question_opening_is_not_the_effect_of_expanding_the_question_the_goal_names()
    {
        const string Before = "- button \"How do I get a refund?\" [expanded=false] [ref=q1]\n- button \"Can I return an item after 30 days?\" [expanded=false] [ref=q2]";
        var wrong = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Expanded, "question about returns"), Screen(Before),
            Screen(Before.Replace("refund?\" [expanded=false]", "refund?\" [expanded]", StringComparison.Ordinal) + "\n- paragraph: Most requests are handled within 5 working days."));
        var right = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Expanded, "question about returns"), Screen(Before),
            Screen(Before.Replace("days?\" [expanded=false]", "days?\" [expanded]", StringComparison.Ordinal)));

        Assert.False(wrong.Observed, wrong.Detail);
        Assert.True(right.Observed, right.Detail);
    }

    [Fact]
    public void A_review_card_built_from_plain_boxes_is_the_item_that_tells_whose_helpful_button_was_pressed()
    {
        const string Reviews = """
            - generic:
              - generic:
                - strong: Eli
                - paragraph: Good.
                - button "Helpful" [ref=h1]
              - generic:
                - strong: Dev
                - paragraph: Too small for me.
                - button "Helpful" [ref=h2]
              - generic:
                - strong: Hana
                - paragraph: Fine for the price.
                - button "Helpful" [ref=h3]
            """;
        var goal = Goal(ActionFamily.Activate, EffectKind.ScreenChanged, "Mark the review by Dev as helpful", "helpful", scope: "review by Dev", verb: "mark");
        var before = Screen(Reviews);

        var right = EffectEvaluator.Evaluate(goal, before, Screen(Reviews.Replace("\"Helpful\" [ref=h2]", "\"Helpful ✓\" [ref=h2]", StringComparison.Ordinal)), Click("h2", before));
        var wrong = EffectEvaluator.Evaluate(goal, before, Screen(Reviews.Replace("\"Helpful\" [ref=h3]", "\"Helpful ✓\" [ref=h3]", StringComparison.Ordinal)), Click("h3", before));

        Assert.True(right.Observed, right.Detail);
        Assert.False(wrong.Observed, wrong.Detail);
        Assert.Contains("dev", wrong.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_item_to_favourites_the_page_keeps_no_list_of_shows_as_its_own_control_changing_and_nothing_else_does()
    {
        const string Plants = """
            - list "Plants":
              - listitem:
                - generic: Basil
                - button "Add Basil to favourites" [ref=b1]: ♡
              - listitem:
                - generic: Thyme
                - button "Add Thyme to favourites" [ref=b2]: ♡
              - listitem:
                - generic: Yucca
                - button "Add Yucca to favourites" [ref=b3]: ♡
            """;
        var effect = new ExpectedEffect(EffectKind.ItemAppeared, "favourites", "Thyme");
        var before = Screen(Plants);

        var thyme = EffectEvaluator.Evaluate(effect, before, Screen(Plants.Replace("[ref=b2]: ♡", "[ref=b2]: ♥", StringComparison.Ordinal)));
        var yucca = EffectEvaluator.Evaluate(effect, before, Screen(Plants.Replace("[ref=b3]: ♡", "[ref=b3]: ♥", StringComparison.Ordinal)));
        var nothing = EffectEvaluator.Evaluate(effect, before, Screen(Plants));
        var otherCollection = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ItemAppeared, "cart", "Thyme"), before,
            Screen(Plants.Replace("[ref=b2]: ♡", "[ref=b2]: ♥", StringComparison.Ordinal)));

        Assert.True(thyme.Observed, thyme.Detail);
        Assert.False(yucca.Observed, yucca.Detail);
        Assert.False(nothing.Observed, nothing.Detail);
        Assert.False(otherCollection.Observed, otherCollection.Detail); // no control of the item names a cart
    }
}
