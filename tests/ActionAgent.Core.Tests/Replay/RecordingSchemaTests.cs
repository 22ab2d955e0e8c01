using System.Text.Json;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Tests.Scenarios;
using Json.Schema;

namespace ActionAgent.Core.Tests.Replay;

/// <summary>The recording schema is valid and every committed recording (and what the writer writes) follows it.</summary>
public sealed class RecordingSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "recording.v1.schema.json"));
    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static TheoryData<string> CommittedRecordings =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "recordings"), "recording.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .Where(f => !f.Contains("runs", StringComparison.Ordinal) && !f.Contains("replays", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Schema_is_valid_draft_2020_12()
    {
        using var document = JsonDocument.Parse(SchemaText);
        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Repo_commits_the_book_flight_recording()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "recordings", "book-flight", "recording.json")));
    }

    [Theory]
    [MemberData(nameof(CommittedRecordings))]
    public void Committed_recording_follows_the_schema(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Schema_rejects_an_unknown_action()
    {
        var json = JsonSerializer.Serialize(ReplayFixtures.Recording(new StepRecord { Index = 1, Action = "teleport", Outcome = StepOutcome.Succeeded }), RecordingJson.Options);
        using var document = JsonDocument.Parse(json);
        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void A_step_with_its_sub_goal_and_effect_evidence_follows_the_schema()
    {
        var step = new StepRecord
        {
            Index = 1, Action = "check", Outcome = StepOutcome.Succeeded, SubGoal = 2,
            Effect = new RecordedEffect(2, "Checked on rules", true, "checkbox \"I agree to the rules\" is checked"),
        };
        var document = ReplayFixtures.Recording(step) with
        {
            Summary = new RunSummary { Status = RunOutcome.Failed, SubGoals = [new RecordedSubGoal(2, "agree to the rules", "Toggle", "Checked on rules", true, "is checked", AtStep: 1)] },
        };
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(document, RecordingJson.Options));
        var result = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(2, json.RootElement.GetProperty("steps")[0].GetProperty("effect").GetProperty("subGoal").GetInt32());
    }

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
