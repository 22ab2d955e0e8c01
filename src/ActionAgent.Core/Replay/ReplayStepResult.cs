using ActionAgent.Core.Actions;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>How one recorded step replayed.</summary>
public sealed record ReplayStepResult
{
    /// <summary>The step's index in the recording.</summary>
    public required int Index { get; init; }

    /// <summary>The action name.</summary>
    public required string Action { get; init; }

    /// <summary>The step in one line (<c>click role button "Search flights"</c>), placeholders kept, never a secret.</summary>
    public required string Summary { get; init; }

    /// <summary>How the step went (<c>passed</c>, <c>healed</c>, <c>failed</c> or <c>skipped</c>).</summary>
    public required ReplayStepOutcome Outcome { get; init; }

    /// <summary>Why it failed: the step, the locator, what was seen.</summary>
    public string? Error { get; init; }

    /// <summary>The layer that found the element in this replay.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>The element acted on in this replay.</summary>
    public ElementTarget? Found { get; init; }

    /// <summary>The heal, when there was one.</summary>
    public ReplayHeal? Heal { get; init; }

    /// <summary>The recorded checks and whether each held.</summary>
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>A screenshot of this replay (failure, heal or every step), relative to the output folder.</summary>
    public string? Shot { get; init; }

    /// <summary>How long the step took in this replay, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>How long it took when recorded, in milliseconds.</summary>
    public long RecordedMs { get; init; }

    /// <summary>Where this replay's time for the step went: act (finding the element included), check, record (screenshots).</summary>
    public StepTimings? Timings { get; init; }

    /// <summary>Whether the step counts as passed (a heal passes unless heals are refused).</summary>
    public bool Passed => Outcome is ReplayStepOutcome.Passed or ReplayStepOutcome.Healed;
}
