using ActionAgent.Core.Ports;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;

namespace ActionAgent.Core.Recording;

/// <summary>
/// The words outcomes and verdicts have in recordings, reports, JUnit files and logs: the same as
/// <see cref="RecordingJson.Options"/> writes (kebab-case, lower case). Spelled out here, not derived from the enum
/// names, so that renaming a member cannot change a file format; a test holds the two to each other.
/// </summary>
public static class OutcomeText
{
    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public static string ToText(this StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => "succeeded",
        StepOutcome.Failed => "failed",
        _ => throw Unknown(outcome),
    };

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public static string ToText(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Succeeded => "succeeded",
        RunOutcome.Failed => "failed",
        RunOutcome.Cancelled => "cancelled",
        _ => throw Unknown(outcome),
    };

    /// <summary><c>approved</c> or <c>refused</c>.</summary>
    public static string ToText(this ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Approved => "approved",
        ApprovalDecision.Refused => "refused",
        _ => throw Unknown(decision),
    };

    /// <summary><c>passed</c>, <c>failed</c> or <c>unsure</c>.</summary>
    public static string ToText(this VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Passed => "passed",
        VerdictOutcome.Failed => "failed",
        VerdictOutcome.Unsure => "unsure",
        _ => throw Unknown(outcome),
    };

    /// <summary><c>passed</c> or <c>failed</c>.</summary>
    public static string ToText(this ReplayVerdict verdict) => verdict switch
    {
        ReplayVerdict.Passed => "passed",
        ReplayVerdict.Failed => "failed",
        _ => throw Unknown(verdict),
    };

    /// <summary><c>passed</c>, <c>healed</c>, <c>failed</c> or <c>skipped</c>.</summary>
    public static string ToText(this ReplayStepOutcome outcome) => outcome switch
    {
        ReplayStepOutcome.Passed => "passed",
        ReplayStepOutcome.Healed => "healed",
        ReplayStepOutcome.Failed => "failed",
        ReplayStepOutcome.Skipped => "skipped",
        _ => throw Unknown(outcome),
    };

    /// <summary><c>passed</c>, <c>failed</c> or <c>error</c>.</summary>
    public static string ToText(this ReplayEntryVerdict verdict) => verdict switch
    {
        ReplayEntryVerdict.Passed => "passed",
        ReplayEntryVerdict.Failed => "failed",
        ReplayEntryVerdict.Error => "error",
        _ => throw Unknown(verdict),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value) where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).Name} has no member {value}.");
}
