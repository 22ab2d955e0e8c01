using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;

namespace ActionAgent.Core.Engine;

/// <summary>One run to carry out: the scenario, its secrets, and where the app starts.</summary>
public sealed record RunRequest
{
    /// <summary>The scenario (from a file, or made from <c>--goal</c>).</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The secrets' values.</summary>
    public SecretVault Secrets { get; init; } = SecretVault.Empty;

    /// <summary>The URL the app starts at (a <c>site:NAME</c> already resolved); null to act on what is open.</summary>
    public string? StartUrl { get; init; }
}
