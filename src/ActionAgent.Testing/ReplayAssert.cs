using System.Text;

namespace ActionAgent.Testing;

/// <summary>Assertions on replays.</summary>
public static class ReplayAssert
{
    /// <summary>Asserts that a replay passed.</summary>
    /// <param name="result">The replay's result (from <see cref="Agent.ReplayAsync(string, CancellationToken)"/>).</param>
    /// <returns><paramref name="result"/>, when it passed.</returns>
    /// <exception cref="ReplayFailedException">It failed: the message names the first failed step, each check it expected and what it saw, and the report.</exception>
    public static AgentReplayResult Passed(AgentReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Passed ? result : throw new ReplayFailedException(result, Explain(result));
    }

    /// <summary>Why a replay failed, in words: the step, expected against seen, the reason and the report.</summary>
    /// <param name="result">The replay's result.</param>
    /// <returns>The explanation (several lines).</returns>
    public static string Explain(AgentReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var name = result.Details.Name;
        // The first step that did not pass with an error of its own (the steps after it are only "not replayed").
        var failed = result.Details.Steps.FirstOrDefault(step => !step.Passed && !string.IsNullOrEmpty(step.Error))
                     ?? result.Details.Steps.FirstOrDefault(step => !step.Passed);
        if (failed is not null)
        {
            text.Append($"Replay of {name} failed at step {failed.Index} of {result.StepCount} ({failed.Action}: {failed.Summary})");
            text.AppendLine(failed.Error is { Length: > 0 } error ? $": {error}" : ".");
            AppendChecks(text, failed.Checks);
        }
        else
        {
            text.AppendLine($"Replay of {name} failed{(result.Details.Steps.Count > 0 ? " after its steps" : "")}.");
            AppendChecks(text, result.Details.Expectations);
        }
        if (result.Reason is { Length: > 0 } reason) text.AppendLine($"  reason: {reason}");
        if (failed?.Shot is { Length: > 0 } shot) text.AppendLine($"  screenshot: {Path.Combine(result.OutputFolder, shot)}");
        text.Append($"  report: {result.ReportPath}");
        return text.ToString();
    }

    private static void AppendChecks(StringBuilder text, IEnumerable<Core.Recording.CheckResult> checks)
    {
        foreach (var check in checks.Where(c => !c.Passed))
            text.AppendLine($"  expected: {check.Check}{Environment.NewLine}  seen:     {check.Detail ?? "(nothing to show)"}");
    }
}
