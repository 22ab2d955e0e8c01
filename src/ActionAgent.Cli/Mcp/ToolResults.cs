using System.Text.Json;
using System.Text.Json.Serialization;
using ActionAgent.Core.Recording;
using ModelContextProtocol.Protocol;

namespace ActionAgent.Cli.Mcp;

/// <summary>
/// The tools' results as MCP content. Runs and replays come back as JSON text (outcome, steps, reason, folders) that a
/// model reads as easily as a person. Step values are as the engine recorded them: a secret is a <c>${secrets.NAME}</c>
/// placeholder there, and reasons and errors went through the run's masking before they reached the result.
/// </summary>
internal static class ToolResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    public static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };

    public static CallToolResult NoPage(string tool) =>
        Error($"{tool}: there is no current page yet. Call run_goal with a goal and a startUrl first; its page becomes the current one.");

    /// <summary>A browser tool called on a desktop session.</summary>
    public static CallToolResult BrowserOnly(string tool, ActionAgent.Desktop.DesktopOptions desktop) =>
        Error($"{tool}: this server drives the desktop app {desktop.Launch ?? desktop.Attach} (agent mcp --desktop/--attach); {tool} acts in a browser " +
              "and is not served on a desktop session. Use observe, act and screenshot here, or start agent mcp without --desktop for a browser.");

    public static CallToolResult Image(byte[] data, string mimeType) => new() { Content = [ImageContentBlock.FromBytes(data, mimeType)] };

    /// <summary>A run's result; a run that did not succeed is an error result (the goal was not reached), with the same details.</summary>
    public static CallToolResult Run(AgentRunResult run)
    {
        var summary = new RunSummary(
            Outcome: run.State.ToString().ToLowerInvariant(),
            Goal: run.Goal,
            FailureReason: run.Succeeded ? null : run.Reason,
            Note: run.Succeeded ? run.Reason : null,
            StepCount: run.StepCount,
            Steps: [.. run.Details.Steps.Select(s => new StepSummary(s.Index, s.Action, s.Target?.ToString() ?? s.RequestedTarget?.ToString(), s.Value,
                s.Outcome.ToText(), s.Error))],
            Expectations: [.. run.Expectations.Select(e => new CheckSummary(e.Check, e.Passed, e.Detail))],
            Variables: run.Variables.Count == 0 ? null : run.Variables,
            RecordingFolder: Path.GetFullPath(run.RecordingFolder),
            Report: run.ReportPath is null ? null : Path.GetFullPath(run.ReportPath),
            DurationSeconds: Math.Round(run.Duration.TotalSeconds, 1));
        var result = Text(JsonSerializer.Serialize(summary, Json));
        result.IsError = !run.Succeeded;
        return result;
    }

    /// <summary>A replay's verdict per step; a failed replay is an error result with the same details.</summary>
    public static CallToolResult Replay(AgentReplayResult replay)
    {
        var summary = new ReplaySummary(
            Outcome: replay.Details.Status.ToText(),
            Recording: replay.Recording,
            FailureReason: replay.Reason,
            StepCount: replay.StepCount,
            Heals: replay.HealCount,
            Steps: [.. replay.Details.Steps.Select(s => new ReplayStepSummary(s.Index, s.Action, s.Summary, s.Outcome.ToText(), s.ResolvedBy, s.Error))],
            OutputFolder: Path.GetFullPath(replay.OutputFolder),
            Report: Path.GetFullPath(replay.ReportPath));
        var result = Text(JsonSerializer.Serialize(summary, Json));
        result.IsError = !replay.Passed;
        return result;
    }

    private sealed record RunSummary(string Outcome, string Goal, string? FailureReason, string? Note, int StepCount, IReadOnlyList<StepSummary> Steps,
        IReadOnlyList<CheckSummary> Expectations, IReadOnlyDictionary<string, string>? Variables, string RecordingFolder, string? Report, double DurationSeconds);

    private sealed record StepSummary(int Index, string Action, string? Target, string? Value, string Outcome, string? Error);

    private sealed record CheckSummary(string Check, bool Passed, string? Detail);

    private sealed record ReplaySummary(string Outcome, string Recording, string? FailureReason, int StepCount, int Heals,
        IReadOnlyList<ReplayStepSummary> Steps, string OutputFolder, string Report);

    private sealed record ReplayStepSummary(int Index, string Action, string Summary, string Verdict, string? ResolvedBy, string? Error);
}
