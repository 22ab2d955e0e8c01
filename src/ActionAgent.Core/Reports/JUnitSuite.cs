using System.Globalization;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>
/// One JUnit test suite: a replayed recording or a run, one case per step plus one for the end-of-run checks.
/// <see cref="JUnitReportWriter"/> writes one or more of them into one file.
/// </summary>
public sealed record JUnitSuite
{
    /// <summary>The suite's secrets: the rendered XML is masked through them. <value>The default value is an empty vault.</value></summary>
    public Secrets.SecretVault Secrets { get; init; } = ActionAgent.Core.Secrets.SecretVault.Empty;

    /// <summary>The suite's name (<c>replay.book-flight</c>, <c>run.book-flight</c>); also each case's classname.</summary>
    public required string Name { get; init; }

    /// <summary>When it started; null when unknown (the attribute is left out).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Properties of the suite (heals, model calls…), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    /// <summary>The cases, in order.</summary>
    public IReadOnlyList<JUnitCase> Cases { get; init; } = [];

    /// <summary>
    /// A replay as a suite: one case per step (skipped, failed with its checks, heals in properties and system-out) and
    /// one for the expectations. With <paramref name="outputDirectory"/> (the replay's folder, which its screenshots are
    /// relative to), each screenshot that exists is attached by its absolute path.
    /// </summary>
    public static JUnitSuite FromReplay(ReplayResult result, string? outputDirectory, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cases = new List<JUnitCase>();
        foreach (var step in result.Steps)
        {
            var output = new List<string>();
            if (step.ResolvedBy is not null) output.Add($"found by {step.ResolvedBy}");
            if (step.Heal is { } h) output.Add($"HEAL: {h.BrokenLocator} no longer matches; found by {h.FoundLocator}{(h.Shot is null ? "" : $" (screenshot {h.Shot})")}");
            if (step.Shot is not null) output.Add($"screenshot: {step.Shot}");
            cases.Add(new JUnitCase
            {
                Name = $"step {step.Index:00} {step.Summary}",
                DurationMs = step.DurationMs,
                Properties = step.Heal is { } heal ? [new("healedFrom", heal.BrokenLocator), new("healedTo", heal.FoundLocator)] : [],
                Skipped = step.Outcome == ReplayStepOutcome.Skipped ? step.Error ?? "skipped" : null,
                Failure = step.Outcome != ReplayStepOutcome.Failed ? null : new JUnitProblem(
                    step.Error ?? "failed",
                    step.Heal is not null && step.Checks.All(c => c.Passed) ? "heal-refused" : step.Checks.Any(c => !c.Passed) ? "check-failed" : "step-failed",
                    Lines(step.Checks)),
                Output = output,
                Attachments = outputDirectory is null ? [] : Existing(outputDirectory, step.Heal?.Shot, step.Shot),
            });
        }
        var stepFailed = result.Steps.Any(s => s.Outcome == ReplayStepOutcome.Failed);
        cases.Add(new JUnitCase
        {
            Name = "expectations",
            Skipped = stepFailed ? "not checked: a step failed" : null,
            Failure = !stepFailed && result.Expectations.Any(e => !e.Passed) ? new JUnitProblem(result.Reason ?? "an expectation failed") : null,
            Output = [Lines(result.Expectations)],
        });
        return new JUnitSuite
        {
            Secrets = result.Secrets,
            Name = "replay." + (name ?? result.Name),
            Timestamp = result.StartedAt,
            DurationMs = result.DurationMs,
            Properties =
            [
                new("heals", result.HealCount.ToString(CultureInfo.InvariantCulture)),
                new("healRate", result.HealRate.ToString("0.###", CultureInfo.InvariantCulture)),
                new("modelCalls", "0"),
            ],
            Cases = cases,
        };
    }

    /// <summary>
    /// A run as a suite: one case per step and one for the run's result. A failed step is a failure with what was
    /// looked for and what was seen (the sub-goal's expected effect and the evidence, the screen check's reason) —
    /// unless the run recovered from it (replanned and succeeded), which the case's system-out says instead. The result
    /// case fails when the run did not succeed, naming the expectations and sub-goals that did not hold. Each step's
    /// screenshot (relative to <paramref name="recordingDirectory"/>) is attached by its absolute path.
    /// </summary>
    public static JUnitSuite FromRun(RunResult result, string name, string recordingDirectory, Secrets.SecretVault secrets)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secrets);
        var cases = new List<JUnitCase>();
        foreach (var step in result.Steps)
        {
            var failed = step.Outcome == StepOutcome.Failed;
            var seen = Seen(step);
            var output = new List<string>();
            if (step.ResolvedBy is not null) output.Add($"found by {step.ResolvedBy}");
            if (step.Effect is { } effect) output.Add($"{(effect.Observed ? "ok " : "FAIL")} effect of sub-goal {effect.SubGoal}: expected {effect.Expected}; seen: {effect.Evidence}");
            if (step.Verdict is { } verdict) output.Add($"screen check ({verdict.Backend}, {verdict.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}): {verdict.Outcome.ToText()}: {verdict.Reason}");
            if (failed && result.Succeeded) output.Add($"this step failed and the run recovered from it: {string.Join("; ", seen)}");
            if (step.ShotAfter is not null) output.Add($"screenshot: {step.ShotAfter}");
            cases.Add(new JUnitCase
            {
                Name = $"step {step.Index:00} {RunSummary(step)}",
                DurationMs = step.DurationMs,
                Failure = failed && !result.Succeeded ? new JUnitProblem(string.Join("; ", seen), "step-failed", Lines(step.Checks.Select(c => new CheckResult($"{c.Kind} {c.Expected}", true, "derived")))) : null,
                Output = output,
                Attachments = Resolved(recordingDirectory, step.ShotAfter),
            });
        }
        var notHeld = result.Expectations.Where(e => !e.Passed).Select(e => $"expected {e.Check}; seen: {e.Detail ?? "no detail"}")
            .Concat(result.SubGoals.Where(g => !g.Achieved && !g.Optional).Select(g => $"sub-goal {g.Index} \"{g.Text}\": expected {g.Expected}; seen: {g.Evidence}"))
            .ToList();
        var lines = result.Expectations.Select(e => $"{(e.Passed ? "ok " : "FAIL")} expect {e.Check}{(e.Detail is null ? "" : ": " + e.Detail)}")
            .Concat(result.SubGoals.Select(g => $"{(g.Achieved ? "ok " : g.Optional ? "-   " : "FAIL")} sub-goal {g.Index} {g.Text}: {g.Evidence}"));
        cases.Add(new JUnitCase
        {
            Name = "result",
            DurationMs = 0,
            Failure = result.Succeeded ? null : new JUnitProblem(
                result.Reason ?? result.FinalState.ToString().ToLowerInvariant(),
                result.FinalState == RunState.Cancelled ? "cancelled" : "run-failed",
                notHeld.Count > 0 ? string.Join("\n", notHeld) : null),
            Output = [$"{result.FinalState.ToString().ToLowerInvariant()} in {result.Steps.Count} steps, {result.Replans} replans", .. lines],
            Attachments = Resolved(recordingDirectory, result.Steps.LastOrDefault()?.ShotAfter),
        });
        return new JUnitSuite
        {
            Secrets = secrets,
            Name = "run." + name,
            Timestamp = result.Steps.Count > 0 ? result.Steps[0].StartedAt : null,
            DurationMs = (long)result.Duration.TotalMilliseconds,
            Properties =
            [
                new("status", result.FinalState.ToString().ToLowerInvariant()),
                new("replans", result.Replans.ToString(CultureInfo.InvariantCulture)),
                new("modelCalls", result.Usage.Calls.ToString(CultureInfo.InvariantCulture)),
            ],
            Cases = cases,
        };
    }

    /// <summary>A suite (<c>replay.NAME</c>, <c>run.NAME</c>) that could not run at all (bad input, no app): one case, in error, saying why.</summary>
    public static JUnitSuite NotRun(string suiteName, string error) => new()
    {
        Name = suiteName,
        Cases = [new JUnitCase { Name = "start", Error = new JUnitProblem(error, "not-started") }],
    };

    /// <summary>What a failed run step looked for and what was seen: its error, the unobserved effect, the screen check's reason.</summary>
    private static List<string> Seen(StepRecord step)
    {
        var seen = new List<string>();
        if (step.Error is not null) seen.Add(step.Error);
        if (step.Effect is { Observed: false } effect) seen.Add($"expected {effect.Expected}; seen: {effect.Evidence}");
        if (step.Verdict is { Outcome: VerdictOutcome.Failed } verdict) seen.Add($"screen check: {verdict.Reason}");
        if (seen.Count == 0) seen.Add("failed");
        return seen;
    }

    // As a replay names its steps: the action, the target, and the value (after "=" when there is a target).
    private static string RunSummary(StepRecord step)
    {
        var target = (step.RequestedTarget ?? step.Target)?.ToString();
        var value = step.Value is null ? null : $"\"{step.Value}\"";
        return string.Join(" ", new[] { step.Action, target, value is null ? null : target is null ? value : "= " + value }.Where(s => s is not null));
    }

    private static string Lines(IEnumerable<CheckResult> checks) =>
        string.Join("\n", checks.Select(c => $"{(c.Passed ? "ok " : "FAIL")} {c.Check}{(c.Detail is null ? "" : ": " + c.Detail)}"));

    // A replay's own screenshots: written by this replay in its output folder; attached only when the file is there.
    private static string[] Existing(string outputDirectory, params string?[] shots) =>
        [.. shots.OfType<string>().Distinct(StringComparer.Ordinal).Select(s => Path.GetFullPath(Path.Combine(outputDirectory, s))).Where(File.Exists)];

    // A run's screenshots are named by the recording: only files inside its folder are attached.
    private static string[] Resolved(string recordingDirectory, string? shot) =>
        shot is not null && RecordingPaths.Resolve(recordingDirectory, shot) is { } file && File.Exists(file) ? [Path.GetFullPath(file)] : [];
}
