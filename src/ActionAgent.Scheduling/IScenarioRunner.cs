namespace ActionAgent.Scheduling;

/// <summary>Runs one scenario for a job: the same run <c>agent run</c> does, leaving a recording and a report.</summary>
public interface IScenarioRunner
{
    /// <summary>Runs the scenario; cancellation ends the run as cancelled with its recording completed.</summary>
    Task<ScenarioRunOutcome> RunAsync(ScenarioRunRequest request, CancellationToken cancellationToken);
}
