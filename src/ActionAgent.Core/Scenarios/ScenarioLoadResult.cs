namespace ActionAgent.Core.Scenarios;

/// <summary>What loading a scenario gave: the scenario, or every error found (loading never throws for bad input).</summary>
public sealed record ScenarioLoadResult
{
    /// <summary>The scenario; null when there are errors.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; init; } = [];

    /// <summary>Problems that do not stop the scenario loading (a missing secret with <see cref="SecretCheck.Warning"/>).</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; init; } = [];

    /// <summary>True when the scenario loaded without errors (warnings allowed).</summary>
    public bool Success => Errors.Count == 0 && Scenario is not null;
}
