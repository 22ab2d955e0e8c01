namespace ActionAgent.Scheduling;

/// <summary>The status words the run history uses (stable: alerts and scripts match on them).</summary>
public static class RunStatus
{
    /// <summary>The run is in progress.</summary>
    public const string Running = "running";

    /// <summary>The scenario's run succeeded.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The run failed (a step, an expectation, a policy).</summary>
    public const string Failed = "failed";

    /// <summary>The run went over the job's timeout and was cancelled; its recording is complete up to then.</summary>
    public const string TimedOut = "timed-out";

    /// <summary>The worker stopped (SIGTERM past the grace period, or died) while the run was in progress.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>A firing missed while no worker ran, skipped by the job's misfire policy.</summary>
    public const string Skipped = "skipped";

    /// <summary>The run could not start: the scenario is invalid or missing, a secret is not set, no browser.</summary>
    public const string Error = "error";

    /// <summary>Whether the status is a failure an alert should fire for.</summary>
    public static bool IsFailure(string status) => status is Failed or TimedOut or Interrupted or Error;
}
