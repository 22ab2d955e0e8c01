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
        var json = JsonSerializer.Serialize(ReplayFixtures.Recording(new StepRecord { Index = 1, Action = "teleport", Outcome = "succeeded" }), RecordingJson.Options);
        using var document = JsonDocument.Parse(json);
        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
