namespace ActionAgent.Core.Replay;

/// <summary>A replay's verdict (<c>passed</c> or <c>failed</c> in <c>replay.json</c> and the reports).</summary>
public enum ReplayVerdict
{
    /// <summary>Every step and expectation passed; heals included unless heals were refused (<c>passed</c>).</summary>
    Passed,
    /// <summary>A step or an expectation failed, or the replay went over its time limit (<c>failed</c>).</summary>
    Failed,
}
