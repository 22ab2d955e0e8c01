namespace ActionAgent.Core.Scenarios;

/// <summary>What the loader does when a secret's environment variable is not set.</summary>
public enum SecretCheck
{
    /// <summary>An error: the scenario does not load. Right for <c>agent run</c>, which would otherwise fail mid-run.</summary>
    Error,

    /// <summary>A warning: the scenario loads. Right for <c>agent validate</c> on a machine without the secrets.</summary>
    Warning,

    /// <summary>No check.</summary>
    None,
}
