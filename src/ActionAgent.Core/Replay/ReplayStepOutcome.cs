namespace ActionAgent.Core.Replay;

/// <summary>
/// How one step went in a replay, or on a report's timeline (a run's step shows as <see cref="Passed"/> or
/// <see cref="Failed"/>). Written as <c>passed</c>, <c>healed</c>, <c>failed</c> or <c>skipped</c>.
/// </summary>
public enum ReplayStepOutcome
{
    /// <summary>The element was found by the first layer and the recorded checks held (<c>passed</c>).</summary>
    Passed,
    /// <summary>The element was found by a later layer than the first, and the checks held (<c>healed</c>).</summary>
    Healed,
    /// <summary>The element was not found, the action failed, or a check did not hold (<c>failed</c>).</summary>
    Failed,
    /// <summary>The step was not replayed: an earlier one failed, or it failed when recorded (<c>skipped</c>).</summary>
    Skipped,
}
