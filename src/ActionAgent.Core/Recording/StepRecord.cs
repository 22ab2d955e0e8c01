using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Recording;

/// <summary>One step of a recording: what was done, to what (in every layer), what changed, and how it went.</summary>
public sealed record StepRecord
{
    /// <summary>The step's position, from 1.</summary>
    public required int Index { get; init; }

    /// <summary>The action name (<c>click</c>, <c>fill</c>, <c>wait-for</c>...).</summary>
    public required string Action { get; init; }

    /// <summary>The value with placeholders kept (<c>${secrets.card_number}</c>), never a secret itself.</summary>
    public string? Value { get; init; }

    /// <summary>The placeholders the value came from (<c>inputs.passenger.first_name</c>), so replay can change them.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>Why the step was there.</summary>
    public string? Description { get; init; }

    /// <summary>The target as the plan asked for it.</summary>
    public ElementTarget? RequestedTarget { get; init; }

    /// <summary>The element acted on, in every layer the driver could read: replay walks these in order.</summary>
    public ElementTarget? Target { get; init; }

    /// <summary>Which layer found the element (role, label, css, visual...).</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>For a drag step: where the plan asked to drop the element.</summary>
    public ElementTarget? RequestedDropTarget { get; init; }

    /// <summary>For a drag step: the element it was dropped on, in every layer the driver could read.</summary>
    public ElementTarget? DropTarget { get; init; }

    /// <summary>For a drag step: which layer found the drop element.</summary>
    public string? DropResolvedBy { get; init; }

    /// <summary>How the step's target was grounded when the plan gave only a description.</summary>
    public string? Grounding { get; init; }

    /// <summary>How the step went (<c>succeeded</c> or <c>failed</c>).</summary>
    public required StepOutcome Outcome { get; init; }

    /// <summary>The error, when it failed: what was looked for and what was seen.</summary>
    public string? Error { get; init; }

    /// <summary>How many times the action was tried.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Checks derived from what the step changed; replay verifies them without a model.</summary>
    public IReadOnlyList<DerivedCheck> Checks { get; init; } = [];

    /// <summary>The screen check's verdict, when one ran.</summary>
    public RecordedVerdict? Verdict { get; init; }

    /// <summary>The URL (or window) before the step.</summary>
    public string? LocationBefore { get; init; }

    /// <summary>The URL (or window) after the step.</summary>
    public string? LocationAfter { get; init; }

    /// <summary>Screenshot before the step, relative to the recording folder.</summary>
    public string? ShotBefore { get; init; }

    /// <summary>Screenshot after the step, relative to the recording folder.</summary>
    public string? ShotAfter { get; init; }

    /// <summary>A crop of the element acted on, relative to the recording folder.</summary>
    public string? Crop { get; init; }

    /// <summary>Native dialogs (alert, confirm) the page raised during the step and the driver's answer, masked; null when none.</summary>
    public IReadOnlyList<string>? Dialogs { get; init; }

    /// <summary>The files the page downloaded during the step, by the names the browser driver saved them under, masked; null when none.</summary>
    public IReadOnlyList<string>? Downloads { get; init; }

    /// <summary>The index (from 1) of the goal's sub-goal the step served, when known (tagged by the planner or attributed by the engine).</summary>
    public int? SubGoal { get; init; }

    /// <summary>The check of that sub-goal's expected effect after this step: what was expected and what the screen showed.</summary>
    public RecordedEffect? Effect { get; init; }

    /// <summary>The planner that made the step.</summary>
    public string? Planner { get; init; }

    /// <summary>Step tags (approvals refer to them).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Who approved this step, when the policy gated it.</summary>
    public RecordedApproval? Approval { get; init; }

    /// <summary>When the step started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the action took, in milliseconds.</summary>
    public long ActionMs { get; init; }

    /// <summary>How long the whole step took (observe, act, check), in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Where the step's time went, phase by phase (absent in recordings made before timings existed).</summary>
    public StepTimings? Timings { get; init; }
}

/// <summary>A check derived from what a step changed.</summary>
/// <param name="Kind">url, appeared, disappeared, value, text.</param>
/// <param name="Expected">What should hold (a URL path, a role+name, a field value, a text).</param>
/// <param name="Target">The element it is about, when any.</param>
public sealed record DerivedCheck(string Kind, string Expected, ElementTarget? Target = null);

/// <summary>A check's result.</summary>
/// <param name="Check">What was checked, in words.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was seen.</param>
public sealed record CheckResult(string Check, bool Passed, string? Detail);

/// <summary>A screen check verdict as recorded.</summary>
/// <param name="Outcome">The verdict (<c>passed</c>, <c>failed</c> or <c>unsure</c>).</param>
/// <param name="Confidence">0 to 1.</param>
/// <param name="Reason">Why.</param>
/// <param name="Backend">Which verifier.</param>
/// <param name="Evidence">What it saw.</param>
public sealed record RecordedVerdict(VerdictOutcome Outcome, double Confidence, string Reason, string Backend,
    IReadOnlyDictionary<string, string>? Evidence = null);

/// <summary>An approval decision on a gated step.</summary>
/// <param name="Categories">The policy entries that gated it (<c>purchase</c>, <c>delete</c>…).</param>
/// <param name="Gate">Who decided: <c>console</c> (a person), <c>--approve</c>, or <c>none</c> (no approver configured).</param>
/// <param name="Decision">What it decided (<c>approved</c> or <c>refused</c>).</param>
/// <param name="At">When.</param>
public sealed record RecordedApproval(IReadOnlyList<string> Categories, string Gate, ApprovalDecision Decision, DateTimeOffset At);
