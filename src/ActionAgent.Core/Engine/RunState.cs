namespace ActionAgent.Core.Engine;

/// <summary>The states of a run.</summary>
public enum RunState
{
    /// <summary>Not started.</summary>
    Pending,
    /// <summary>Asking the planner what to do.</summary>
    Planning,
    /// <summary>Carrying out a step.</summary>
    Acting,
    /// <summary>Waiting for a person to approve a sensitive step.</summary>
    AwaitingApproval,
    /// <summary>Checking the screen after a step.</summary>
    Verifying,
    /// <summary>Deciding what to do about a failed step.</summary>
    Recovering,
    /// <summary>Asking the planner for a new plan from the current screen.</summary>
    Replanning,
    /// <summary>The goal was reached and the expectations hold.</summary>
    Succeeded,
    /// <summary>The run could not reach the goal.</summary>
    Failed,
    /// <summary>The run was cancelled.</summary>
    Cancelled,
}

/// <summary>The triggers that move a run between states.</summary>
public enum RunTrigger
{
    /// <summary>Start the run.</summary>
    Start,
    /// <summary>The planner returned steps.</summary>
    PlanReady,
    /// <summary>The planner says the goal is reached and the expectations hold.</summary>
    GoalReached,
    /// <summary>The planner says the goal is reached but an expectation does not hold.</summary>
    ExpectationsFailed,
    /// <summary>The planner cannot go on.</summary>
    PlannerGaveUp,
    /// <summary>The next step is sensitive.</summary>
    NeedsApproval,
    /// <summary>A person approved the step.</summary>
    Approved,
    /// <summary>A person refused the step.</summary>
    Refused,
    /// <summary>The action was carried out.</summary>
    ActionDone,
    /// <summary>The action failed.</summary>
    ActionFailed,
    /// <summary>The screen check passed and steps remain.</summary>
    NextStep,
    /// <summary>The screen check passed and no step remains: ask the planner.</summary>
    NeedSteps,
    /// <summary>The screen check failed.</summary>
    CheckFailed,
    /// <summary>Ask the planner for a new plan.</summary>
    Replan,
    /// <summary>No way to recover.</summary>
    GiveUp,
    /// <summary>A budget (steps, time, tokens, cost) ran out.</summary>
    BudgetExceeded,
    /// <summary>The run was cancelled.</summary>
    Cancel,
    /// <summary>The driver failed (threw) while observing or acting: the app or browser stopped answering.</summary>
    DriverFailed,
}
