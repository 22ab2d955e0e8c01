namespace ActionAgent.Scheduling;

/// <summary>The words of <see cref="RunStatus"/> in the run history's database, webhooks and output, and which statuses are failures.</summary>
public static class RunStatusText
{
    private static readonly (RunStatus Status, string Text)[] Words =
    [
        (RunStatus.Running, "running"),
        (RunStatus.Succeeded, "succeeded"),
        (RunStatus.Failed, "failed"),
        (RunStatus.TimedOut, "timed-out"),
        (RunStatus.Interrupted, "interrupted"),
        (RunStatus.Skipped, "skipped"),
        (RunStatus.Error, "error"),
        (RunStatus.Cancelled, "cancelled"),
    ];

    /// <summary>The status's word: <c>running</c>, <c>succeeded</c>, <c>failed</c>, <c>timed-out</c>, <c>interrupted</c>, <c>skipped</c>, <c>error</c> or <c>cancelled</c>.</summary>
    public static string ToText(this RunStatus status)
    {
        foreach (var (s, text) in Words)
        {
            if (s == status) return text;
        }
        throw new ArgumentOutOfRangeException(nameof(status), status, $"RunStatus has no member {status}.");
    }

    /// <summary>Reads a status word as <see cref="ToText"/> writes it; false for any other text.</summary>
    public static bool TryParse(string? text, out RunStatus status)
    {
        foreach (var (s, word) in Words)
        {
            if (string.Equals(word, text, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Whether the status is a failure an alert should fire for: failed, timed out, interrupted or error.</summary>
    public static bool IsFailure(this RunStatus status) => status is RunStatus.Failed or RunStatus.TimedOut or RunStatus.Interrupted or RunStatus.Error;
}
