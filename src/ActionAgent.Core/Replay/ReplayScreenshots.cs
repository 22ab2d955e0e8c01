namespace ActionAgent.Core.Replay;

/// <summary>Which replay steps are photographed (screenshots cost time; replay takes only what is asked).</summary>
public enum ReplayScreenshots
{
    /// <summary>None at all.</summary>
    None,
    /// <summary>A failed step, and a healed step before it acts (for the heal's crop).</summary>
    FailuresAndHeals,
    /// <summary>Every step after it acts, plus failures and heals.</summary>
    All,
}
