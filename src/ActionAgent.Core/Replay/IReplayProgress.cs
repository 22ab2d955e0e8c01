using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>Live progress of a replay (the console, a test).</summary>
public interface IReplayProgress
{
    /// <summary>A step is about to be replayed.</summary>
    void StepStarted(StepRecord step);

    /// <summary>A step was replayed (or skipped).</summary>
    void StepFinished(ReplayStepResult result);
}
