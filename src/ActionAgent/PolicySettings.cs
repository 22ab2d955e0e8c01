using ActionAgent.Core.Ports;

namespace ActionAgent;

/// <summary>What the person running the agent allows. A scenario, recording or page can narrow it, never widen it.</summary>
public sealed class PolicySettings
{
    /// <summary>The hosts a run or replay may reach (subdomains included).</summary>
    /// <value>The default value is empty: a scenario's own <c>allow_domains</c>, else the host the run starts on.</value>
    public IList<string> AllowDomains { get; } = [];

    /// <summary>Approves the steps the policy marks as sensitive.</summary>
    /// <value>The default value is null: such a step fails the run.</value>
    public IApprovalGate? Approvals { get; set; }
}
