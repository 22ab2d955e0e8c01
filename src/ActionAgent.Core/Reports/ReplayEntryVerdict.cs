namespace ActionAgent.Core.Reports;

/// <summary>One recording's verdict in a multi-recording replay (<c>passed</c>, <c>failed</c> or <c>error</c> in the index report).</summary>
public enum ReplayEntryVerdict
{
    /// <summary>The replay passed (<c>passed</c>).</summary>
    Passed,
    /// <summary>The replay ran and failed (<c>failed</c>).</summary>
    Failed,
    /// <summary>The replay could not start: the recording or its scenario could not be read (<c>error</c>).</summary>
    Error,
}
