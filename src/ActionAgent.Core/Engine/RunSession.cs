using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Engine;

/// <summary>The mutable state of one run, owned by the engine's loop.</summary>
internal sealed class RunSession
{
    public Queue<PlanStep> Queue { get; } = new();
    public List<ExecutedStep> History { get; } = [];
    public List<StepRecord> Records { get; } = [];
    public List<ElementTarget> Masked { get; } = [];
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);
    public int StepCount { get; set; }
    public int Replans { get; set; }
    public ModelUsage Usage { get; set; } = ModelUsage.None;
    public UiObservation? LastObservation { get; set; }
    public string? LastShot { get; set; }
    public StepFailure? Failure { get; set; }
    public string? Reason { get; set; }
    public bool ApprovedCurrent { get; set; }
    public RecordedApproval? StepApproval { get; set; }
    public IReadOnlyList<CheckResult> Expectations { get; set; } = [];
    public PendingCheck? Pending { get; set; }
    public DeferredShot? AfterShot { get; set; }
}

/// <summary>
/// A checked step whose after-picture is still being taken: its record goes to the recording with the picture, before
/// anything acts again. <paramref name="Observation"/> is the after observation, without the picture. A null
/// <paramref name="Shot"/>: no picture was asked for (<see cref="RunScreenshots.Failures"/>); the record gets one only
/// when the run ends on this step.
/// </summary>
internal sealed record DeferredShot(Task<byte[]>? Shot, StepRecord Record, UiObservation Observation);

/// <summary>A step that acted and waits for its screen check (<paramref name="Crop"/>: its element's crop, being cut).</summary>
internal sealed record PendingCheck(
    int Index,
    PlanStep Step,
    ElementTarget? RequestedTarget,
    ActionResult Result,
    UiObservation Before,
    string? ShotBefore,
    string? Grounding,
    int Attempts,
    DateTimeOffset StartedAt,
    long StartTimestamp,
    long ActionMs,
    Task<byte[]?>? Crop = null);
