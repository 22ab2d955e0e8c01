namespace ActionAgent.Core.Recording;

/// <summary>
/// How a run ended, as its recording's summary says it: <c>succeeded</c>, <c>failed</c> or <c>cancelled</c> (the
/// engine's final state, in the recording's words).
/// </summary>
public enum RunOutcome
{
    /// <summary>The goal was reached and the expectations hold (<c>succeeded</c>).</summary>
    Succeeded,
    /// <summary>The run could not reach the goal, or went over a budget (<c>failed</c>).</summary>
    Failed,
    /// <summary>The run was cancelled (<c>cancelled</c>).</summary>
    Cancelled,
}
