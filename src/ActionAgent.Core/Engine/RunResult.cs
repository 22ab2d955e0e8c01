using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Engine;

/// <summary>How a run ended. A failed run is a value, not an exception.</summary>
public sealed record RunResult
{
    /// <summary>Succeeded, Failed or Cancelled.</summary>
    public required RunState FinalState { get; init; }

    /// <summary>Why it ended so: the step, the target, what was seen.</summary>
    public string? Reason { get; init; }

    /// <summary>The steps as recorded.</summary>
    public IReadOnlyList<StepRecord> Steps { get; init; } = [];

    /// <summary>End-of-run expectation results.</summary>
    public IReadOnlyList<CheckResult> Expectations { get; init; } = [];

    /// <summary>The goal's sub-goals and whether each one's effect was observed (empty when the run had no interpreter).</summary>
    public IReadOnlyList<RecordedSubGoal> SubGoals { get; init; } = [];

    /// <summary>Variables extracted by the run (secrets masked).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Model usage over the run.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>How many times the run replanned.</summary>
    public int Replans { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Where the run's time went, phase by phase (see <see cref="StepTimings"/>).</summary>
    public StepTimings Timings { get; init; } = new();

    /// <summary>Whether the run succeeded.</summary>
    public bool Succeeded => FinalState == RunState.Succeeded;
}
