using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>The outcome of a replay: every step, the end-of-run expectations, the heals.</summary>
public sealed record ReplayResult
{
    /// <summary>The replay's secrets: reports written from this result are masked through them (never serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Secrets.SecretVault Secrets { get; init; } = ActionAgent.Core.Secrets.SecretVault.Empty;

    /// <summary>The recording's name.</summary>
    public required string Name { get; init; }

    /// <summary>The replay's verdict (<c>passed</c> or <c>failed</c>).</summary>
    public required ReplayVerdict Status { get; init; }

    /// <summary>Why it failed, for a person.</summary>
    public string? Reason { get; init; }

    /// <summary>Every recorded step, replayed or skipped.</summary>
    public IReadOnlyList<ReplayStepResult> Steps { get; init; } = [];

    /// <summary>The recording's end-of-run expectations, checked again (screen checks need a model and are not).</summary>
    public IReadOnlyList<CheckResult> Expectations { get; init; } = [];

    /// <summary>The start URL of this replay.</summary>
    public string? StartUrl { get; init; }

    /// <summary>When the replay started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Where the replay's time went, phase by phase, over all steps and the final expectations.</summary>
    public StepTimings Timings { get; init; } = new();

    /// <summary>Whether every step and expectation passed.</summary>
    public bool Passed => Status == ReplayVerdict.Passed;

    /// <summary>Steps that passed (healed ones included).</summary>
    public int PassedCount => Steps.Count(s => s.Passed);

    /// <summary>Steps that failed.</summary>
    public int FailedCount => Steps.Count(s => s.Outcome == ReplayStepOutcome.Failed);

    /// <summary>Steps not replayed because an earlier one failed.</summary>
    public int SkippedCount => Steps.Count(s => s.Outcome == ReplayStepOutcome.Skipped);

    /// <summary>Steps whose element was found by a later layer than the first.</summary>
    public int HealCount => Steps.Count(s => s.Heal is not null);

    /// <summary>Heals per replayed (not skipped) step, from 0 to 1.</summary>
    public double HealRate => Steps.Count(s => s.Outcome != ReplayStepOutcome.Skipped) is var n and > 0 ? (double)HealCount / n : 0;
}
