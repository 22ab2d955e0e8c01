using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using static ActionAgent.Planning.Tests.Offline.FixedGoalInterpreter;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>The action search on snapshots: candidates, effect checks, undo and the next candidate, scopes and collections.</summary>
public sealed class ActionSearchTests
{
    private static UiObservation Screen(string snapshot) =>
        new() { Location = "http://app.test/", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };

    private static PlanningContext Context(string goal, UiObservation screen, params SubGoal[] subGoals) =>
        new() { Goal = goal, Observation = screen, SubGoals = subGoals };

    private static readonly SubGoal AgreeToRules = Goal(1, ActionFamily.Toggle, "agree to the rules", new(EffectKind.Checked, "rules"), "rules",
        qualifiers: new GoalQualifiers { DesiredState = true });

    [Fact]
    public async Task A_goal_that_is_no_skill_and_no_command_is_planned_from_the_page_not_refused()
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared);
        var screen = Screen("- checkbox \"Send me offers\" [ref=e1]\n- checkbox \"I accept the house rules\" [ref=e2]\n- button \"Join\" [ref=e3]");

        var decision = await planner.NextAsync(Context("Agree to the rules", screen, AgreeToRules), CancellationToken.None);

        Assert.Equal(PlanDecisionKind.Continue, decision.Kind);
        var step = Assert.Single(decision.Steps);
        Assert.Equal(ActionKind.Check, step.Action);
        Assert.Equal("e2", step.Target!.Ref);
        Assert.Equal(1, step.SubGoal);
    }

    [Fact]
    public async Task When_the_effect_does_not_show_the_step_is_undone_and_the_next_candidate_tried()
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared);
        // Both boxes are about rules; ticking the first one changes nothing the effect check accepts (the page resets it).
        var screen = Screen("- checkbox \"Rules of the forum\" [ref=e1]\n- checkbox \"I accept the house rules\" [ref=e2]");
        var goal = AgreeToRules with { Effect = new ExpectedEffect(EffectKind.Checked, "house rules") };

        var first = await planner.NextAsync(Context("Agree to the house rules", screen, goal), CancellationToken.None);
        var undo = await planner.NextAsync(Context("Agree to the house rules", screen, goal), CancellationToken.None);
        var second = await planner.NextAsync(Context("Agree to the house rules", screen, goal), CancellationToken.None);

        Assert.Equal(ActionKind.Check, first.Steps[0].Action);
        Assert.Equal(ActionKind.Uncheck, undo.Steps[0].Action);
        Assert.Equal(first.Steps[0].Target!.Ref, undo.Steps[0].Target!.Ref);
        Assert.Equal(ActionKind.Check, second.Steps[0].Action);
        Assert.NotEqual(first.Steps[0].Target!.Ref, second.Steps[0].Target!.Ref);
    }

    [Fact]
    public async Task After_the_bounded_candidates_the_planner_gives_up_naming_the_sub_goal()
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared, new OfflinePlannerOptions { MaxCandidatesPerSubGoal = 1 });
        var screen = Screen("- button \"Save\" [ref=e1]");
        var save = Goal(1, ActionFamily.Activate, "press Save", new(EffectKind.TextVisible, null, "Saved"), "Save");

        await planner.NextAsync(Context("Save my changes", screen, save), CancellationToken.None);
        var decision = await planner.NextAsync(Context("Save my changes", screen, save), CancellationToken.None);

        Assert.Equal(PlanDecisionKind.GiveUp, decision.Kind);
        Assert.Contains("#1 Activate \"press Save\" was not achieved", decision.Reason);
        Assert.Contains("\"Saved\" is not on the screen", decision.Reason);
    }

    [Fact]
    public async Task A_scoped_target_is_looked_for_only_in_the_container_the_scope_names()
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared);
        var screen = Screen("""
            - table:
              - row "Lisbon 2 rooms" [ref=e1]:
                - cell: Lisbon
                - cell:
                  - button "Book" [ref=e2]
              - row "Porto 3 rooms" [ref=e3]:
                - cell: Porto
                - cell:
                  - button "Book" [ref=e4]
            """);
        var book = Goal(1, ActionFamily.Activate, "press Book in the row for Porto", new(EffectKind.Navigated), "Book", scope: "the row for Porto");

        var decision = await planner.NextAsync(Context("Press Book in the row for Porto", screen, book), CancellationToken.None);

        Assert.Equal("e4", decision.Steps.Single().Target!.Ref);
    }

    [Fact]
    public async Task Every_item_a_quantifier_names_is_acted_on_in_turn()
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared);
        const string Feed = """
            - article [ref=a1]:
              - text: "@ana Sunset"
              - button "Like" [ref=b1]
            - article [ref=a2]:
              - text: "@ben Bike"
              - button "Like" [ref=b2]
            - article [ref=a3]:
              - text: "@ana Coffee"
              - button "Like" [ref=b3]
            """;
        var like = Goal(1, ActionFamily.Activate, "like every photo by @ana", new(EffectKind.Selected), "like",
            qualifiers: new GoalQualifiers { Quantity = Quantity.All }, scope: "photo by @ana");

        var first = await planner.NextAsync(Context("Like every photo by @ana", Screen(Feed), like), CancellationToken.None);
        var afterFirst = Feed.Replace("- button \"Like\" [ref=b1]", "- button \"Liked\" [pressed] [ref=b1]", StringComparison.Ordinal);
        var second = await planner.NextAsync(Context("Like every photo by @ana", Screen(afterFirst), like), CancellationToken.None);
        var afterSecond = afterFirst.Replace("- button \"Like\" [ref=b3]", "- button \"Liked\" [pressed] [ref=b3]", StringComparison.Ordinal);
        var done = await planner.NextAsync(Context("Like every photo by @ana", Screen(afterSecond), like), CancellationToken.None);

        Assert.Equal("b1", first.Steps.Single().Target!.Ref);
        Assert.Equal("b3", second.Steps.Single().Target!.Ref);
        Assert.Equal(PlanDecisionKind.Done, done.Kind);
    }

    [Fact]
    public async Task A_control_hidden_until_hover_is_revealed_by_hovering_its_item()
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared);
        var screen = Screen("- list:\n  - listitem [ref=l1]:\n    - text: buy milk\n  - listitem [ref=l2]:\n    - text: old shoes");
        var remove = Goal(1, ActionFamily.Remove, "remove \"old shoes\"", new(EffectKind.ItemDisappeared, "item", "old shoes"), "item",
            [new GoalValue(GoalValueKind.Text, "old shoes")]);

        var decision = await planner.NextAsync(Context("Remove \"old shoes\"", screen, remove), CancellationToken.None);

        var step = decision.Steps.Single();
        Assert.Equal(ActionKind.Hover, step.Action);
        Assert.Equal("l2", step.Target!.Ref);
    }

    [Fact]
    public void The_page_model_knows_collapsed_sections_containers_and_collections()
    {
        var page = PageModel.From(Screen("""
            - button "Notifications" [expanded=false] [ref=e1]
            - list:
              - listitem: one
              - listitem: two
            """));

        Assert.True(page.All.Single(n => n.Name == "Notifications").IsCollapsed);
        Assert.Contains(page.Containers, c => c.Role == "list");
        Assert.Equal(2, page.Collections()[0].Count);
    }
}
