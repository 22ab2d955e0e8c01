using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Ports;

/// <summary>Asks a person (or a policy) whether a sensitive step may go ahead.</summary>
public interface IApprovalGate
{
    /// <summary>Who decides, as written in the recording (<c>console</c>, <c>--approve</c>).</summary>
    string Name => GetType().Name;

    /// <summary>True to go ahead, false to refuse (the run then fails).</summary>
    Task<bool> ApproveAsync(PlanStep step, string reason, CancellationToken cancellationToken);
}
