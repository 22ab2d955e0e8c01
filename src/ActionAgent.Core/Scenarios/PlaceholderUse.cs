namespace ActionAgent.Core.Scenarios;

/// <summary>Where a placeholder stands, which decides whether a secret may stand there.</summary>
internal enum PlaceholderUse
{
    /// <summary>A step's value or key: resolved only for the driver, masked everywhere else. Secrets allowed.</summary>
    Value,
    /// <summary>A goto's url: sent to servers (and any host it redirects to) and shown in the address bar. No secrets.</summary>
    Url,

    /// <summary>A target field: written to recordings, logs and reports. No secrets.</summary>
    Target,

    /// <summary>The goal, an expectation, a step's expect or note: sent to models and logs. No secrets.</summary>
    ModelVisible,
}
