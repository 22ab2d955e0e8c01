using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// Runs a planner says are done, that the screen says are not: the engine fails them, whichever planner made the
/// steps (these planners do not tag their steps with sub-goals, like an LLM's).
/// </summary>
public sealed class FalseSuccessTests
{
    [Fact]
    public async Task A_run_that_leaves_an_error_message_on_the_page_fails_quoting_it()
    {
        var password = FixedInterpreter.Goal(1, ActionFamily.EnterText, "with password \"River#Stone7\"", EffectKind.ValueSet, "password", "River#Stone7");
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(password) } };
        harness.Driver.Snapshot = "- textbox \"Choose a password\" [ref=e1]\n- textbox \"Repeat password\" [ref=e2]\n- button \"Sign up\" [ref=e3]\n- alert";
        harness.Driver.BeforeAction = (_, _) =>
        {
            harness.Driver.Snapshot = "- textbox \"Choose a password\" [ref=e1]: River#Stone7\n- textbox \"Repeat password\" [ref=e2]\n- button \"Sign up\" [ref=e3]\n- alert: The passwords do not match.";
            return Task.CompletedTask;
        };
        var fill = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Ref = "e1" }, Value = "River#Stone7" };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([fill]), _ => PlanDecision.Done("filled")));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("The passwords do not match.", result.Reason);
    }

    [Fact]
    public async Task Following_a_similar_name_instead_of_the_one_in_the_goal_fails_naming_it()
    {
        var follow = FixedInterpreter.Goal(1, ActionFamily.Activate, "Follow @eli", EffectKind.ScreenChanged, "follow") with { Object = "follow", Scope = "@eli" };
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(follow) } };
        const string People = "- list:\n  - listitem: Elias Berg @elias\n    - button \"Follow\" [ref=f1]\n  - listitem: Eli Moss @eli\n    - button \"Follow\" [ref=f2]";
        harness.Driver.Snapshot = People;
        harness.Driver.BeforeAction = (_, _) =>
        {
            harness.Driver.Snapshot = People.Replace("\"Follow\" [ref=f1]", "\"Following\" [ref=f1]", StringComparison.Ordinal);
            return Task.CompletedTask;
        };
        var click = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Ref = "f1", Role = "button", Name = "Follow" } };

        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Continue([click]), _ => PlanDecision.Done("followed")));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("#1 Activate \"Follow @eli\"", result.Reason);
        Assert.True(result.Reason!.Contains("does not name \"@eli\"", StringComparison.Ordinal), result.Reason);
    }
}
