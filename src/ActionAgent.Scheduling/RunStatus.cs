namespace ActionAgent.Scheduling;

/// <summary>
/// How a scheduled run stands in the run history. The history's <c>status</c> column, the webhook's <c>outcome</c>
/// and <c>agent history</c> hold these as the words <see cref="RunStatusText.ToText(RunStatus)"/> gives
/// (<c>running</c>, <c>succeeded</c>, <c>timed-out</c>…), which are stable: alerts and scripts match on them.
/// </summary>
public enum RunStatus
{
    /// <summary>The run is in progress (<c>running</c>).</summary>
    Running,

    /// <summary>The scenario's run succeeded (<c>succeeded</c>).</summary>
    Succeeded,

    /// <summary>The run failed: a step, an expectation, a policy (<c>failed</c>).</summary>
    Failed,

    /// <summary>The run went over the job's timeout and was cancelled; its recording is complete up to then (<c>timed-out</c>).</summary>
    TimedOut,

    /// <summary>The worker stopped (SIGTERM past the grace period, or died) while the run was in progress (<c>interrupted</c>).</summary>
    Interrupted,

    /// <summary>A firing missed while no worker ran, skipped by the job's misfire policy (<c>skipped</c>).</summary>
    Skipped,

    /// <summary>The run could not start: the scenario is invalid or missing, a secret is not set, no browser (<c>error</c>).</summary>
    Error,

    /// <summary>
    /// What an <see cref="IScenarioRunner"/> answers for a run that was cancelled (<c>cancelled</c>). The worker never
    /// records it: it records <see cref="TimedOut"/> or <see cref="Interrupted"/>, whichever cancelled the run.
    /// </summary>
    Cancelled,
}
