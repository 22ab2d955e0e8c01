using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// The evidence rule: with an interpreter, a run succeeds only when every non-optional sub-goal's effect showed on the
/// screen, whatever planner made the steps; otherwise it fails naming the sub-goal and what the screen showed.
/// </summary>
public sealed class EvidenceRuleTests
{
    private const string Unticked = "- checkbox \"I agree to the rules\" [ref=e1]\n- button \"Sign up\" [ref=e2]";
    private const string Ticked = "- checkbox \"I agree to the rules\" [checked] [ref=e1]\n- button \"Sign up\" [ref=e2]";

    private static readonly SubGoal AgreeToRules = FixedInterpreter.Goal(1, ActionFamily.Toggle, "agree to the rules", EffectKind.Checked, "rules");

    private static PlanStep ClickRules(int? subGoal = null) =>
        new() { Action = ActionKind.Click, Target = new ElementTarget { Ref = "e1" }, SubGoal = subGoal };

    [Fact]
    public async Task A_click_whose_effect_never_shows_fails_the_run_naming_the_sub_goal()
    {
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(AgreeToRules) } };
        harness.Driver.Snapshot = Unticked; // the click lands somewhere that changes nothing

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([ClickRules(1)]), _ => PlanDecision.Done("check passed")));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("#1 Toggle \"agree to the rules\"", result.Reason);
        Assert.Contains("is not checked", result.Reason);
    }

    [Fact]
    public async Task A_visual_locator_click_with_a_passed_check_is_not_a_success_without_the_effect()
    {
        var harness = new EngineHarness
        {
            Services = new RunEngineServices
            {
                Interpreter = new FixedInterpreter(AgreeToRules),
                Locator = new FixedLocator(new LocatedElement(new BoundingBox(5, 5, 20, 20), "rules", 0.9)),
                Verifier = new FakeVerifier(_ => VerdictOutcome.Passed),
            },
        };
        harness.Driver.Snapshot = Unticked;
        var described = new PlanStep { Action = ActionKind.Click, Target = ElementTarget.Describe("the rules box") };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([described]), _ => PlanDecision.Done("check passed")));

        Assert.Equal("visual", harness.Sink.Steps[0].ResolvedBy);
        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.False(result.SubGoals.Single().Achieved);
    }

    [Fact]
    public async Task A_run_succeeds_when_every_sub_goal_showed_its_effect_and_records_the_evidence()
    {
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(AgreeToRules) } };
        harness.Driver.Snapshot = Unticked;
        harness.Driver.BeforeAction = (_, _) => { harness.Driver.Snapshot = Ticked; return Task.CompletedTask; };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([ClickRules(1)]), _ => PlanDecision.Done()));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        var step = harness.Sink.Steps.Single();
        Assert.Equal(1, step.SubGoal);
        Assert.True(step.Effect!.Observed);
        Assert.Contains("is checked", step.Effect.Evidence);
        Assert.True(result.SubGoals.Single().Achieved);
    }

    [Fact]
    public async Task Steps_of_a_planner_that_does_not_tag_them_are_credited_to_the_sub_goal_they_achieved()
    {
        var typeEmail = FixedInterpreter.Goal(1, ActionFamily.EnterText, "as ana@example.net", EffectKind.ValueSet, "email", "ana@example.net");
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(typeEmail, AgreeToRules with { Index = 2 }) } };
        harness.Driver.Snapshot = "- textbox \"Email\" [ref=e3]\n" + Unticked;
        harness.Driver.BeforeAction = (action, _) =>
        {
            harness.Driver.Snapshot = action.Kind == ActionKind.Fill
                ? "- textbox \"Email\" [ref=e3]: ana@example.net\n" + Unticked
                : "- textbox \"Email\" [ref=e3]: ana@example.net\n" + Ticked;
            return Task.CompletedTask;
        };
        var fill = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Ref = "e3" }, Value = "ana@example.net" };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([fill, ClickRules()]), _ => PlanDecision.Done()));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal([1, 2], harness.Sink.Steps.Select(s => s.SubGoal ?? 0));
    }

    [Fact]
    public async Task The_scenario_expectations_must_hold_as_well()
    {
        var harness = new EngineHarness
        {
            Services = new RunEngineServices { Interpreter = new FixedInterpreter(AgreeToRules) },
            Expect = [new ActionAgent.Core.Scenarios.Expectation { Url = "/welcome" }],
        };
        harness.Driver.Snapshot = Unticked;
        harness.Driver.BeforeAction = (_, _) => { harness.Driver.Snapshot = Ticked; return Task.CompletedTask; };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([ClickRules(1)]), _ => PlanDecision.Done()));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("expectations do not hold", result.Reason);
    }

    [Fact]
    public async Task An_optional_sub_goal_may_stay_unobserved()
    {
        var press = FixedInterpreter.Goal(2, ActionFamily.Submit, "submit", EffectKind.Navigated, optional: true);
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(AgreeToRules, press) } };
        harness.Driver.Snapshot = Unticked;
        harness.Driver.BeforeAction = (_, _) => { harness.Driver.Snapshot = Ticked; return Task.CompletedTask; };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([ClickRules(1)]), _ => PlanDecision.Done()));

        Assert.Equal(RunState.Succeeded, result.FinalState);
    }

    [Fact]
    public async Task The_planner_sees_the_sub_goals_and_which_ones_were_achieved()
    {
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(AgreeToRules) } };
        harness.Driver.Snapshot = Unticked;
        harness.Driver.BeforeAction = (_, _) => { harness.Driver.Snapshot = Ticked; return Task.CompletedTask; };
        var planner = new ScriptedPlanner(_ => PlanDecision.Continue([ClickRules(1)]), _ => PlanDecision.Done());

        await harness.RunAsync(planner);

        Assert.Single(planner.Contexts[0].SubGoals);
        Assert.Empty(planner.Contexts[0].AchievedSubGoals);
        Assert.Contains(1, planner.Contexts[1].AchievedSubGoals);
    }

    [Fact]
    public async Task A_scenario_with_explicit_steps_is_not_read_as_sub_goals()
    {
        var interpreter = new FixedInterpreter(AgreeToRules);
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = interpreter }, Steps = [EngineHarness.Click("Go")] };

        var result = await harness.RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Go")]));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal(0, interpreter.Calls);
    }

    private sealed class FixedLocator(LocatedElement element) : IElementLocator
    {
        public string Name => "fixed";

        public Task<IReadOnlyList<LocatedElement>> LocateAsync(LocateRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LocatedElement>>([element]);
    }
}
