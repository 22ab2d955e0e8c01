namespace ActionAgent.Core.Scenarios;

/// <summary>Where a placeholder stands, which decides whether a secret may stand there.</summary>
internal enum PlaceholderUse
{
    /// <summary>A step's value, key or url: resolved only for the driver, masked everywhere else. Secrets allowed.</summary>
    Value,

    /// <summary>A target field: written to recordings, logs and reports. No secrets.</summary>
    Target,

    /// <summary>The goal, an expectation, a step's expect or note: sent to models and logs. No secrets.</summary>
    ModelVisible,
}
