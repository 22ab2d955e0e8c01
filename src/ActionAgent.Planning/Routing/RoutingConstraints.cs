using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Planning.Routing;

/// <summary>What the user asks of the models: where they may run, and what matters more.</summary>
public sealed record RoutingConstraints
{
    /// <summary>Only backends on this machine (embedded, or a server on loopback): <c>--on-device</c>.</summary>
    public bool OnDevice { get; init; }

    /// <summary>What to favour when several backends may serve a role: <c>--prefer quality|latency</c>.</summary>
    /// <value>The default value is <see cref="RoutingPreference.Latency"/>.</value>
    public RoutingPreference Prefer { get; init; } = RoutingPreference.Latency;

    /// <summary>The planner backend asked for with <c>--planner</c> or <c>ACTIONAGENT_PLANNER</c>, if any.</summary>
    public LlmBackend? Planner { get; init; }
}

/// <summary>What the router favours.</summary>
public enum RoutingPreference
{
    /// <summary>Embedded backends first (fast, free, private); remote ones only to escalate.</summary>
    Latency,
    /// <summary>The strongest configured backend the constraints allow.</summary>
    Quality,
}
