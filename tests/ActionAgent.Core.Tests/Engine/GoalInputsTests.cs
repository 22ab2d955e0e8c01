using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Secrets;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>A scenario's goal may name its inputs (<c>${inputs.path}</c>): planners read the values, never a secret.</summary>
public sealed class GoalInputsTests
{
    [Fact]
    public async Task The_planner_reads_the_goal_with_the_inputs_values_and_the_secrets_left_as_placeholders()
    {
        var harness = new EngineHarness
        {
            Goal = "Save the note as ${inputs.path} and sign in with ${secrets.password}",
            Inputs = new Dictionary<string, string> { ["path"] = "/tmp/note.txt" },
            Secrets = new Dictionary<string, string> { ["password"] = "hunter2-secret" },
        };
        var planner = new ScriptedPlanner(_ => PlanDecision.Done());

        await harness.RunAsync(planner);

        Assert.Equal("Save the note as /tmp/note.txt and sign in with ${secrets.password}", planner.Contexts[0].Goal);
    }

    [Fact]
    public async Task The_goal_interpreter_reads_the_inputs_values()
    {
        var interpreter = new FixedInterpreter(FixedInterpreter.Goal(1, ActionFamily.EnterText, "write the note", EffectKind.ValueSet, "note"));
        var harness = new EngineHarness
        {
            Goal = "Write the note \"${inputs.note}\"",
            Inputs = new Dictionary<string, string> { ["note"] = "Buy milk" },
            Services = new RunEngineServices { Interpreter = interpreter },
        };

        await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Done()));

        Assert.Equal(["Write the note \"Buy milk\""], interpreter.Goals);
    }

    [Fact]
    public async Task An_input_whose_value_quotes_a_secret_reaches_the_planner_masked()
    {
        var harness = new EngineHarness
        {
            Goal = "Type ${inputs.greeting}",
            Inputs = new Dictionary<string, string> { ["greeting"] = "hello hunter2-secret" },
            Secrets = new Dictionary<string, string> { ["password"] = "hunter2-secret" },
        };
        var planner = new ScriptedPlanner(_ => PlanDecision.Done());

        await harness.RunAsync(planner);

        Assert.DoesNotContain("hunter2-secret", planner.Contexts[0].Goal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recording_keeps_the_goal_as_written()
    {
        var harness = new EngineHarness { Goal = "Save it as ${inputs.path}", Inputs = new Dictionary<string, string> { ["path"] = "/tmp/a.txt" } };

        await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.Done()));

        Assert.Equal("Save it as ${inputs.path}", harness.Sink.Header!.Goal);
    }

    [Fact]
    public void An_unknown_input_and_a_variable_stay_as_written()
    {
        var text = ValueTemplate.ResolveInputs("${inputs.missing} ${vars.total} ${inputs.a}", new Dictionary<string, string> { ["a"] = "1" });

        Assert.Equal("${inputs.missing} ${vars.total} 1", text);
    }
}
