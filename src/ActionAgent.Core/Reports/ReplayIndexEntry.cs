using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>One recording of a multi-recording replay, as the index report lists it.</summary>
public sealed record ReplayIndexEntry
{
    /// <summary>The recording's name as the suite and the table show it.</summary>
    public required string Name { get; init; }

    /// <summary>The recording's path as the user gave it (or as found in a folder).</summary>
    public required string Recording { get; init; }

    /// <summary>The replay, when it ran; null when it could not start (see <see cref="Error"/>).</summary>
    public ReplayResult? Result { get; init; }

    /// <summary>Why the recording could not be replayed (bad input), when it could not.</summary>
    public string? Error { get; init; }

    /// <summary>The full path of the recording's report.html, when one was written.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Passed, failed, or error (the replay could not start).</summary>
    public ReplayEntryVerdict Verdict => Result is null ? ReplayEntryVerdict.Error : Result.Passed ? ReplayEntryVerdict.Passed : ReplayEntryVerdict.Failed;
}
