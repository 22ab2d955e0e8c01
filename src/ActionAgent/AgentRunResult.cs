using ActionAgent.Core.Engine;
using ActionAgent.Core.Recording;

namespace ActionAgent;

/// <summary>What a goal run did, as a value: whether it succeeded (observed on the screen, never assumed), why not, and where its recording is.</summary>
public sealed record AgentRunResult
{
    /// <summary>The goal.</summary>
    public required string Goal { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunState State { get; init; }

    /// <summary>Whether every sub-goal's effect and every expectation was observed.</summary>
    public bool Succeeded => State == RunState.Succeeded;

    /// <summary>Why the run failed, was cancelled or needed replans; null when there is nothing to say.</summary>
    public string? Reason { get; init; }

    /// <summary>The steps carried out.</summary>
    public int StepCount { get; init; }

    /// <summary>The goal's expectations and how they were checked.</summary>
    public IReadOnlyList<CheckResult> Expectations { get; init; } = [];

    /// <summary>The values the run read off the screen (a booking reference, a total).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The recording folder (recording.json, shots/, report.html), which a failed or cancelled run leaves too.</summary>
    public required string RecordingFolder { get; init; }

    /// <summary>The HTML report, when it was written.</summary>
    public string? ReportPath { get; init; }

    /// <summary>The Playwright trace (<c>trace.zip</c> in the recording folder) when <see cref="RecordingSettings.Trace"/> is on; else null.</summary>
    public string? TracePath { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The engine's full result (steps, sub-goals, model usage).</summary>
    public required RunResult Details { get; init; }
}
