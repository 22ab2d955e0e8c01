using Stateless;
using Stateless.Graph;

namespace ActionAgent.Core.Engine;

/// <summary>
/// The run's state machine (Stateless). The engine does the work of each state and fires the trigger that follows;
/// the machine decides which moves are legal and enforces the guards (replans left, steps left).
/// </summary>
public static class RunStateMachine
{
    /// <summary>Builds the machine. The guards read the live budget through the given functions.</summary>
    /// <param name="canReplan">Whether a replan is still allowed.</param>
    /// <param name="stepsLeft">Whether the step budget allows another step.</param>
    public static StateMachine<RunState, RunTrigger> Create(Func<bool> canReplan, Func<bool> stepsLeft)
    {
        ArgumentNullException.ThrowIfNull(canReplan);
        ArgumentNullException.ThrowIfNull(stepsLeft);
        var machine = new StateMachine<RunState, RunTrigger>(RunState.Pending);

        // Every state that does work can be cancelled, and fails when a budget (steps, time, tokens, cost) runs out or
        // the driver stops answering.
        StateMachine<RunState, RunTrigger>.StateConfiguration Working(RunState state) =>
            machine.Configure(state)
                .Permit(RunTrigger.BudgetExceeded, RunState.Failed)
                .Permit(RunTrigger.DriverFailed, RunState.Failed)
                .Permit(RunTrigger.Cancel, RunState.Cancelled);

        machine.Configure(RunState.Pending)
            .Permit(RunTrigger.Start, RunState.Planning)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        Working(RunState.Planning)
            .PermitIf(RunTrigger.PlanReady, RunState.Acting, stepsLeft, "steps left")
            .Permit(RunTrigger.GoalReached, RunState.Succeeded)
            .Permit(RunTrigger.ExpectationsFailed, RunState.Failed)
            .Permit(RunTrigger.PlannerGaveUp, RunState.Failed);

        Working(RunState.Acting)
            .Permit(RunTrigger.NeedsApproval, RunState.AwaitingApproval)
            .Permit(RunTrigger.ActionDone, RunState.Verifying)
            .Permit(RunTrigger.ActionFailed, RunState.Recovering);

        Working(RunState.AwaitingApproval)
            .Permit(RunTrigger.Approved, RunState.Acting)
            .Permit(RunTrigger.Refused, RunState.Failed);

        Working(RunState.Verifying)
            .PermitIf(RunTrigger.NextStep, RunState.Acting, stepsLeft, "steps left")
            .Permit(RunTrigger.NeedSteps, RunState.Planning)
            .Permit(RunTrigger.CheckFailed, RunState.Recovering);

        Working(RunState.Recovering)
            .PermitIf(RunTrigger.Replan, RunState.Replanning, canReplan, "replans left")
            .Permit(RunTrigger.GiveUp, RunState.Failed);

        Working(RunState.Replanning)
            .PermitIf(RunTrigger.PlanReady, RunState.Acting, stepsLeft, "steps left")
            .Permit(RunTrigger.GoalReached, RunState.Succeeded)
            .Permit(RunTrigger.ExpectationsFailed, RunState.Failed)
            .Permit(RunTrigger.PlannerGaveUp, RunState.Failed);

        return machine;
    }

    /// <summary>The machine as a Mermaid state diagram.</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(Create(() => true, () => true).GetInfo());

    /// <summary>The machine as a Graphviz DOT graph.</summary>
    public static string ToDot() =>
        UmlDotGraph.Format(Create(() => true, () => true).GetInfo());
}
