using ActionAgent.Core.Replay;

namespace ActionAgent;

/// <summary>What a replay did, as a value: whether every step and check passed, the heals, and where the report is.</summary>
public sealed record AgentReplayResult
{
    /// <summary>The recording replayed (its <c>recording.json</c>).</summary>
    public required string Recording { get; init; }

    /// <summary>Whether every step and recorded check passed.</summary>
    public bool Passed => Details.Passed;

    /// <summary>Why the replay failed; null when it passed.</summary>
    public string? Reason => Details.Reason;

    /// <summary>The steps in the recording.</summary>
    public int StepCount => Details.Steps.Count;

    /// <summary>Steps whose first locator failed and a later layer found the element.</summary>
    public int HealCount => Details.HealCount;

    /// <summary>The folder with report.html, junit.xml and replay.json.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The HTML report.</summary>
    public string ReportPath => Path.Combine(OutputFolder, "report.html");

    /// <summary>The JUnit XML for CI.</summary>
    public string JUnitPath => Path.Combine(OutputFolder, "junit.xml");

    /// <summary>The Playwright trace (<c>trace.zip</c> in <see cref="OutputFolder"/>) when <see cref="RecordingSettings.Trace"/> is on; else null.</summary>
    public string? TracePath { get; init; }

    /// <summary>The replay engine's full result.</summary>
    public required ReplayResult Details { get; init; }
}
