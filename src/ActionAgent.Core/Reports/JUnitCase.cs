namespace ActionAgent.Core.Reports;

/// <summary>One JUnit test case: a step of a replay or a run, or the end-of-run checks.</summary>
public sealed record JUnitCase
{
    /// <summary>The case's name (<c>step 08 click role button "Search flights"</c>).</summary>
    public required string Name { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Properties of the case (a heal's locators), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    /// <summary>Why the case was skipped; null when it ran.</summary>
    public string? Skipped { get; init; }

    /// <summary>The failure (an assertion that did not hold); null when it passed.</summary>
    public JUnitProblem? Failure { get; init; }

    /// <summary>The error (the case could not run at all: bad input); null when it ran.</summary>
    public JUnitProblem? Error { get; init; }

    /// <summary>Lines for the case's system-out (what found the element, heals, screenshots).</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    /// <summary>
    /// Files attached to the case, as absolute paths: written in its system-out as <c>[[ATTACHMENT|path]]</c>, the form
    /// the Jenkins JUnit attachments plugin and GitLab read.
    /// </summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
