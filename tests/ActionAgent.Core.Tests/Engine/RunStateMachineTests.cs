using ActionAgent.Core.Engine;

namespace ActionAgent.Core.Tests.Engine;

public sealed class RunStateMachineTests
{
    [Fact]
    public void The_mermaid_diagram_names_every_state()
    {
        var mermaid = RunStateMachine.ToMermaid();
        foreach (var state in Enum.GetNames<RunState>())
        {
            Assert.Contains(state, mermaid, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_dot_graph_shows_the_replan_guard()
    {
        Assert.Contains("replans left", RunStateMachine.ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replanning_is_refused_once_the_guard_says_no_replans_are_left()
    {
        var machine = RunStateMachine.Create(canReplan: () => false, stepsLeft: () => true);
        machine.Fire(RunTrigger.Start);
        machine.Fire(RunTrigger.PlanReady);
        machine.Fire(RunTrigger.ActionFailed);

        Assert.False(machine.CanFire(RunTrigger.Replan));
        Assert.True(machine.CanFire(RunTrigger.GiveUp));
    }
}
