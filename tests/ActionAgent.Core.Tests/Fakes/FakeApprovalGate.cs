using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Tests.Fakes;

/// <summary>An approver with a fixed answer that remembers what it was asked.</summary>
public sealed class FakeApprovalGate(bool answer) : IApprovalGate
{
    public List<PlanStep> Asked { get; } = [];

    public Task<bool> ApproveAsync(PlanStep step, string reason, CancellationToken cancellationToken)
    {
        Asked.Add(step);
        return Task.FromResult(answer);
    }
}
