using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Tests.Fakes;

/// <summary>A recording sink that keeps everything in memory.</summary>
public sealed class MemorySink : IRecordingSink
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
        Artifacts["shots/" + name] = content;
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
}
