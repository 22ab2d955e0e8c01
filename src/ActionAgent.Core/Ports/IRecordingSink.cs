using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Ports;

/// <summary>
/// Where a run's recording goes. The engine writes the header first, each step as it finishes, and the summary last,
/// so a failed or cancelled run still leaves everything up to the point it stopped.
/// </summary>
public interface IRecordingSink
{
    /// <summary>Starts the recording.</summary>
    Task BeginAsync(RecordingHeader header, CancellationToken cancellationToken);

    /// <summary>Saves an artifact (a PNG screenshot, a crop) and returns its path relative to the recording.</summary>
    Task<string> SaveArtifactAsync(string name, byte[] content, CancellationToken cancellationToken);

    /// <summary>Appends a finished step.</summary>
    Task AppendStepAsync(StepRecord step, CancellationToken cancellationToken);

    /// <summary>Appends a planner event (a plan, a replan and why).</summary>
    Task AppendPlanEventAsync(PlanEvent planEvent, CancellationToken cancellationToken);

    /// <summary>Finishes the recording with the run's outcome.</summary>
    Task CompleteAsync(RunSummary summary, CancellationToken cancellationToken);
}
