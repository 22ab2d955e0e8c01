using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>Keeps the step records in memory (screenshots are dropped) so a failing test can print what happened.</summary>
public sealed class NullRecordingSink : IRecordingSink
{
    public List<StepRecord> Steps { get; } = [];

    public List<PlanEvent> PlanEvents { get; } = [];

    public Task BeginAsync(RecordingHeader header, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> SaveArtifactAsync(string name, byte[] content, CancellationToken cancellationToken) => Task.FromResult(name);

    public Task AppendStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        Steps.Add(step);
        return Task.CompletedTask;
    }

    public Task AppendPlanEventAsync(PlanEvent planEvent, CancellationToken cancellationToken)
    {
        PlanEvents.Add(planEvent);
        return Task.CompletedTask;
    }

    public Task CompleteAsync(RunSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    public string Describe() => string.Join("\n", Steps.Select(s =>
        $"{s.Index} {s.Action} {s.Target?.ToString() ?? s.RequestedTarget?.ToString()} {s.Value} [{s.Outcome}] {s.Description} {s.Error}{(s.Effect is { } e ? $" (sub-goal {e.SubGoal}: {e.Expected} {(e.Observed ? "observed" : "not observed")}: {e.Evidence})" : "")}"));
}
