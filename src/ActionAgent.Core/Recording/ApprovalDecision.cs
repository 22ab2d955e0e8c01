namespace ActionAgent.Core.Recording;

/// <summary>What the approval gate decided about a gated step (<c>approved</c> or <c>refused</c> in a recording).</summary>
public enum ApprovalDecision
{
    /// <summary>The step may run (<c>approved</c>).</summary>
    Approved,
    /// <summary>The step may not run, and the run fails (<c>refused</c>).</summary>
    Refused,
}
