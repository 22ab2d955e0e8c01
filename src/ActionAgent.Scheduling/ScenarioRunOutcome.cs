namespace ActionAgent.Scheduling;

/// <summary>How a run ended, as the history records it.</summary>
public sealed record ScenarioRunOutcome
{
    /// <summary>One of <see cref="RunStatus.Succeeded"/>, <see cref="RunStatus.Failed"/>, <see cref="RunStatus.Error"/>, or <see cref="RunStatus.Cancelled"/> (the worker decides timed-out or interrupted).</summary>
    public required RunStatus Status { get; init; }

    /// <summary>The 1-based step that failed.</summary>
    public int? FailedStep { get; init; }

    /// <summary>Why it failed.</summary>
    public string? Reason { get; init; }

    /// <summary>The recording folder, when one was written.</summary>
    public string? Recording { get; init; }

    /// <summary>The HTML report, when one was written.</summary>
    public string? Report { get; init; }
}
