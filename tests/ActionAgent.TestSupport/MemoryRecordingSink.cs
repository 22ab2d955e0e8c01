using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.TestSupport;

/// <summary>A recording sink that keeps everything in memory, so a test can read what a run recorded (and a failing test print it).</summary>
public sealed class MemoryRecordingSink : IRecordingSink
{
    public RecordingHeader? Header { get; private set; }
    public List<StepRecord> Steps { get; } = [];
    public List<PlanEvent> PlanEvents { get; } = [];
    public Dictionary<string, byte[]> Artifacts { get; } = [];
    public RunSummary? Summary { get; private set; }

    public Task BeginAsync(RecordingHeader header, CancellationToken cancellationToken)
    {
        Header = header;
        return Task.CompletedTask;
    }

    public Task<string> SaveArtifactAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        lock (Artifacts) Artifacts["shots/" + name] = content;
        return Task.FromResult("shots/" + name);
    }

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

    public Task CompleteAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        Summary = summary;
        return Task.CompletedTask;
    }

    /// <summary>One line per step: action, target, value, outcome, error and the sub-goal's effect.</summary>
    public string Describe() => string.Join("\n", Steps.Select(s =>
        $"{s.Index} {s.Action} {s.Target?.ToString() ?? s.RequestedTarget?.ToString()} {s.Value} [{s.Outcome}] {s.Description} {s.Error}{(s.Effect is { } e ? $" (sub-goal {e.SubGoal}: {e.Expected} {(e.Observed ? "observed" : "not observed")}: {e.Evidence})" : "")}"));
}
