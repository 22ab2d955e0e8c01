using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>What a report shows, whether of a run (from its recording) or of a replay.</summary>
public sealed record ReportModel
{
    /// <summary>The run's secrets: the rendered report is masked through them. <value>The default value is an empty vault.</value></summary>
    public Secrets.SecretVault Secrets { get; init; } = ActionAgent.Core.Secrets.SecretVault.Empty;

    /// <summary>The title (the recording's name).</summary>
    public required string Title { get; init; }

    /// <summary>run or replay.</summary>
    public required string Kind { get; init; }

    /// <summary>The status as the report shows it: a replay's verdict (<c>passed</c>, <c>failed</c>), a run's outcome (<c>succeeded</c>, <c>failed</c>, <c>cancelled</c>), or <c>unfinished</c> for a recording without a summary.</summary>
    public required string Status { get; init; }

    /// <summary>Why it ended so.</summary>
    public string? Reason { get; init; }

    /// <summary>Facts for the header (goal, start URL, planner, heals...), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    /// <summary>The step timeline.</summary>
    public IReadOnlyList<ReportStep> Steps { get; init; } = [];

    /// <summary>End-of-run expectations.</summary>
    public IReadOnlyList<CheckResult> Expectations { get; init; } = [];

    /// <summary>The report of a replay: its steps, with the recording's screenshots beside the replay's own.</summary>
    public static ReportModel FromReplay(ReplayResult result, RecordingDocument recording, string recordingDirectory, string? outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(recording);
        var recorded = recording.Steps.GroupBy(s => s.Index).ToDictionary(g => g.Key, g => g.First());
        var steps = result.Steps.Select(s =>
        {
            recorded.TryGetValue(s.Index, out var r);
            var images = new List<ReportImage>();
            // The recording may come from someone else: only files inside its folder are shown (or embedded).
            if (r?.ShotBefore is { } before && RecordingPaths.Resolve(recordingDirectory, before) is { } beforeFile) images.Add(new ReportImage("recorded before", beforeFile));
            if (r?.ShotAfter is { } after && RecordingPaths.Resolve(recordingDirectory, after) is { } afterFile) images.Add(new ReportImage("recorded after", afterFile));
            if (s.Shot is { } shot && outputDirectory is not null && s.Shot != s.Heal?.Shot) images.Add(new ReportImage(s.Outcome == ReplayStepOutcome.Failed ? "replay (failed)" : "replay after", Path.Combine(outputDirectory, shot)));
            return new ReportStep
            {
                Index = s.Index, Action = s.Action, Summary = s.Summary, Outcome = s.Outcome, Error = s.Error, ResolvedBy = s.ResolvedBy,
                Heal = s.Heal, HealShot = s.Heal?.Shot is { } h && outputDirectory is not null ? Path.Combine(outputDirectory, h) : null,
                Checks = s.Checks.Count > 0 || s.Outcome == ReplayStepOutcome.Skipped ? s.Checks : [.. (r?.Checks ?? []).Select(c => new CheckResult(c.Kind + " " + c.Expected, true, "recorded"))],
                DurationMs = s.DurationMs, RecordedMs = s.RecordedMs, Images = images,
            };
        }).ToList();
        var replayed = result.Steps.Count(s => s.Outcome != ReplayStepOutcome.Skipped);
        return new ReportModel
        {
            Secrets = result.Secrets,
            Title = result.Name,
            Kind = "replay",
            Status = result.Status.ToText(),
            Reason = result.Reason,
            Facts =
            [
                new("steps", $"{result.Steps.Count} ({result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped)"),
                new("heals", $"{result.HealCount} of {replayed} replayed steps ({result.HealRate:P0})"),
                new("duration", $"{result.DurationMs} ms (recorded run: {recording.Summary?.DurationMs ?? recording.Steps.Sum(s => s.DurationMs)} ms)"),
                new("start", result.StartUrl ?? recording.Header.AppStart ?? ""),
                new("recorded", $"{recording.Header.StartedAt:u} by planner {recording.Header.Planner}"),
                new("model calls", "none (replay uses the recorded locators and checks only)"),
            ],
            Steps = steps,
            Expectations = result.Expectations,
        };
    }

    /// <summary>The report of a run, from its recording folder.</summary>
    public static ReportModel FromRecording(RecordingDocument recording, string recordingDirectory)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var steps = recording.Steps.Select(r =>
        {
            var images = new List<ReportImage>();
            if (r.ShotBefore is { } before && RecordingPaths.Resolve(recordingDirectory, before) is { } beforeFile) images.Add(new ReportImage("before", beforeFile));
            if (r.ShotAfter is { } after && RecordingPaths.Resolve(recordingDirectory, after) is { } afterFile) images.Add(new ReportImage("after", afterFile));
            var checks = r.Checks.Select(c => new CheckResult(c.Kind + " " + c.Expected, true, "derived")).ToList();
            if (r.Verdict is { } v) checks.Add(new CheckResult($"screen check ({v.Backend}, {v.Confidence:0.00})", v.Outcome != VerdictOutcome.Failed, v.Reason));
            return new ReportStep
            {
                Index = r.Index, Action = r.Action, Outcome = r.Outcome == StepOutcome.Succeeded ? ReplayStepOutcome.Passed : ReplayStepOutcome.Failed, Error = r.Error, ResolvedBy = r.ResolvedBy,
                Summary = string.Join(" ", new[] { r.Action, (r.RequestedTarget ?? r.Target)?.ToString(), r.Value is null ? null : $"= \"{r.Value}\"" }.Where(s => s is not null)),
                Checks = checks, DurationMs = r.DurationMs, Images = images, Planner = r.Planner,
            };
        }).ToList();
        var summary = recording.Summary;
        return new ReportModel
        {
            Title = recording.Header.Name,
            Kind = "run",
            Status = summary?.Status.ToText() ?? "unfinished",
            Reason = summary?.Reason,
            Facts =
            [
                new("goal", recording.Header.Goal ?? ""),
                new("start", recording.Header.StartUrl ?? recording.Header.AppStart ?? ""),
                new("planner", recording.Header.Planner),
                new("steps", $"{recording.Steps.Count}, {summary?.Replans ?? 0} replans"),
                new("duration", $"{summary?.DurationMs ?? 0} ms"),
                new("model usage", summary is null ? "" : $"{summary.Usage.Calls} calls, {summary.Usage.TotalTokens} tokens"),
            ],
            Steps = steps,
            Expectations = summary?.Expectations ?? [],
        };
    }
}
