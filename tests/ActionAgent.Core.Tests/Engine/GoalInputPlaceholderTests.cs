using ActionAgent.Core.Actions;
using ActionAgent.Core.Planning;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// A planner reads the goal with the inputs put in, so the steps it makes carry literal values; the recording keeps
/// <c>${inputs.NAME}</c> where a typed value is an input the goal names, so <c>agent replay --param</c> can change it.
/// </summary>
public sealed class GoalInputPlaceholderTests
{
    private static PlanStep Fill(string value) => new() { Action = ActionKind.Fill, Target = new ElementTarget { Label = "Name" }, Value = value };

    [Fact]
    public async Task A_planned_value_equal_to_an_input_the_goal_names_is_recorded_as_its_placeholder()
    {
        var harness = new EngineHarness { Goal = "type ${inputs.user.name} into Name" };

        await harness.RunAsync(new ExplicitStepsPlanner([Fill("Ada")]));

        Assert.Equal("Ada", harness.Driver.Actions.Single().Value); // the app still gets the value
        Assert.Equal("${inputs.user.name}", harness.Sink.Steps[0].Value);
        Assert.Equal(["inputs.user.name"], harness.Sink.Steps[0].Parameters);
    }

    [Fact]
    public async Task A_value_equal_to_an_input_the_goal_does_not_name_stays_literal()
    {
        var harness = new EngineHarness { Goal = "type Ada into Name" };

        await harness.RunAsync(new ExplicitStepsPlanner([Fill("Ada")]));

        Assert.Equal("Ada", harness.Sink.Steps[0].Value);
        Assert.Empty(harness.Sink.Steps[0].Parameters);
    }

    [Fact]
    public async Task A_value_two_inputs_of_the_goal_share_is_ambiguous_and_stays_literal()
    {
        var harness = new EngineHarness
        {
            Goal = "type ${inputs.first} into First and ${inputs.second} into Second",
            Inputs = new Dictionary<string, string> { ["first"] = "Ada", ["second"] = "Ada" },
        };

        await harness.RunAsync(new ExplicitStepsPlanner([Fill("Ada")]));

        Assert.Equal("Ada", harness.Sink.Steps[0].Value);
    }

    [Fact]
    public async Task A_value_that_is_a_secret_is_masked_never_made_an_input_placeholder()
    {
        var harness = new EngineHarness
        {
            Goal = "type ${inputs.code} into Name",
            Inputs = new Dictionary<string, string> { ["code"] = "hunter22" },
            Secrets = new Dictionary<string, string> { ["pin"] = "hunter22" },
        };

        await harness.RunAsync(new ExplicitStepsPlanner([Fill("hunter22")]));

        Assert.DoesNotContain("hunter22", harness.Sink.Steps[0].Value, StringComparison.Ordinal);
        Assert.Empty(harness.Sink.Steps[0].Parameters);
    }
}
