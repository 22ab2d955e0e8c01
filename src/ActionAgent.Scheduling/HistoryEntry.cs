namespace ActionAgent.Scheduling;

/// <summary>One run (one attempt of one firing) in the run history.</summary>
public sealed record HistoryEntry
{
    /// <summary>The run's id (also in its log events as <c>RunId</c>).</summary>
    public required string RunId { get; init; }

    /// <summary>The job's name.</summary>
    public required string Job { get; init; }

    /// <summary>The firing this run belongs to: the job and the time it was due, so retries and a recovered run share it.</summary>
    public required string Firing { get; init; }

    /// <summary>What started it: <c>schedule</c>, <c>run-now</c>, <c>misfire</c> or <c>recovered</c>.</summary>
    public required string Cause { get; init; }

    /// <summary>1 for the first attempt, then 2, 3 … for retries.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The worker that ran it.</summary>
    public required string Worker { get; init; }

    /// <summary>How the run stands (stored as its <see cref="RunStatusText.ToText(RunStatus)"/> word).</summary>
    public required RunStatus Status { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>How long it took, once it ended.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The 1-based step that failed, if one did.</summary>
    public int? FailedStep { get; init; }

    /// <summary>Why it failed, timed out or was interrupted.</summary>
    public string? Reason { get; init; }

    /// <summary>The run's recording folder.</summary>
    public string? Recording { get; init; }

    /// <summary>The run's HTML report.</summary>
    public string? Report { get; init; }
}
