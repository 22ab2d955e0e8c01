using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>One step on a report's timeline.</summary>
public sealed record ReportStep
{
    /// <summary>The step's index.</summary>
    public required int Index { get; init; }

    /// <summary>The action.</summary>
    public required string Action { get; init; }

    /// <summary>The step in one line.</summary>
    public required string Summary { get; init; }

    /// <summary>How the step went (<c>passed</c>, <c>healed</c>, <c>failed</c> or <c>skipped</c>; a run's step is passed or failed).</summary>
    public required ReplayStepOutcome Outcome { get; init; }

    /// <summary>The error, when it failed.</summary>
    public string? Error { get; init; }

    /// <summary>The layer that found the element.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>The planner that made the step (runs).</summary>
    public string? Planner { get; init; }

    /// <summary>The heal, when there was one.</summary>
    public ReplayHeal? Heal { get; init; }

    /// <summary>The full path of the heal's screenshot.</summary>
    public string? HealShot { get; init; }

    /// <summary>The checks and whether they held.</summary>
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>How long the step took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>How long it took when recorded (replays), in milliseconds.</summary>
    public long? RecordedMs { get; init; }

    /// <summary>Screenshots, by full path.</summary>
    public IReadOnlyList<ReportImage> Images { get; init; } = [];
}
