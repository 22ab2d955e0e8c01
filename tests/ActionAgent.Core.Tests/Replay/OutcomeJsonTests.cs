using System.Text.Json;
using System.Text.Json.Nodes;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;
using ActionAgent.Core.Tests.Scenarios;

namespace ActionAgent.Core.Tests.Replay;

/// <summary>
/// Outcomes and verdicts became enums; recordings, replay.json, reports and JUnit files must still say the words they
/// said when they were strings, and recordings written before must still load.
/// </summary>
public sealed class OutcomeJsonTests
{
    /// <summary>Every member and the word files had for it before the enums: pinned here, not derived.</summary>
    public static TheoryData<Enum, string> Words => new()
    {
        { StepOutcome.Succeeded, "succeeded" },
        { StepOutcome.Failed, "failed" },
        { RunOutcome.Succeeded, "succeeded" },
        { RunOutcome.Failed, "failed" },
        { RunOutcome.Cancelled, "cancelled" },
        { ApprovalDecision.Approved, "approved" },
        { ApprovalDecision.Refused, "refused" },
        { VerdictOutcome.Passed, "passed" },
        { VerdictOutcome.Failed, "failed" },
        { VerdictOutcome.Unsure, "unsure" },
        { ReplayVerdict.Passed, "passed" },
        { ReplayVerdict.Failed, "failed" },
        { ReplayStepOutcome.Passed, "passed" },
        { ReplayStepOutcome.Healed, "healed" },
        { ReplayStepOutcome.Failed, "failed" },
        { ReplayStepOutcome.Skipped, "skipped" },
        { ReplayEntryVerdict.Passed, "passed" },
        { ReplayEntryVerdict.Failed, "failed" },
        { ReplayEntryVerdict.Error, "error" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void The_recording_json_writes_each_outcome_as_the_word_it_was(Enum value, string word)
    {
        Assert.Equal($"\"{word}\"", JsonSerializer.Serialize(value, value.GetType(), RecordingJson.Options));
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void ToText_gives_the_same_word_as_the_json(Enum value, string word)
    {
        var text = value switch
        {
            StepOutcome o => o.ToText(),
            RunOutcome o => o.ToText(),
            ApprovalDecision o => o.ToText(),
            VerdictOutcome o => o.ToText(),
            ReplayVerdict o => o.ToText(),
            ReplayStepOutcome o => o.ToText(),
            ReplayEntryVerdict o => o.ToText(),
            _ => throw new InvalidOperationException(value.GetType().Name),
        };
        Assert.Equal(word, text);
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void The_word_reads_back_as_the_member(Enum value, string word)
    {
        Assert.Equal(value, JsonSerializer.Deserialize($"\"{word}\"", value.GetType(), RecordingJson.Options));
    }

    [Fact]
    public void Every_member_of_the_outcome_enums_has_a_pinned_word()
    {
        var pinned = Words.Select(row => (Enum)row[0]).ToHashSet();
        var all = new[] { typeof(StepOutcome), typeof(RunOutcome), typeof(ApprovalDecision), typeof(VerdictOutcome), typeof(ReplayVerdict),
            typeof(ReplayStepOutcome), typeof(ReplayEntryVerdict) }.SelectMany(t => Enum.GetValues(t).Cast<Enum>());
        Assert.All(all, member => Assert.Contains(member, pinned));
    }

    /// <summary>A recording as the string-typed records wrote it: every kind of outcome, verdict and decision there was.</summary>
    private const string OldRecording = """
        {
          "version": "1",
          "header": { "name": "old", "driver": "browser", "planner": "explicit" },
          "steps": [
            { "index": 1, "action": "click", "outcome": "succeeded",
              "verdict": { "outcome": "passed", "confidence": 0.6, "reason": "changed", "backend": "embedded" },
              "approval": { "categories": ["purchase"], "gate": "--approve", "decision": "approved", "at": "2026-11-28T12:00:00+00:00" } },
            { "index": 2, "action": "fill", "value": "x", "outcome": "failed", "error": "no field",
              "verdict": { "outcome": "unsure", "confidence": 0.4, "reason": "cannot tell", "backend": "embedded" } },
            { "index": 3, "action": "click", "outcome": "failed",
              "verdict": { "outcome": "failed", "confidence": 0.8, "reason": "error shown", "backend": "embedded" },
              "approval": { "categories": ["delete"], "gate": "none", "decision": "refused", "at": "2026-11-28T12:00:01+00:00" } }
          ],
          "summary": { "status": "cancelled", "reason": "stopped" }
        }
        """;

    [Fact]
    public void A_recording_written_with_string_outcomes_loads_as_the_enums()
    {
        var document = JsonSerializer.Deserialize<RecordingDocument>(OldRecording, RecordingJson.Options)!;

        Assert.Equal([StepOutcome.Succeeded, StepOutcome.Failed, StepOutcome.Failed], document.Steps.Select(s => s.Outcome));
        Assert.Equal([VerdictOutcome.Passed, VerdictOutcome.Unsure, VerdictOutcome.Failed], document.Steps.Select(s => s.Verdict!.Outcome));
        Assert.Equal([ApprovalDecision.Approved, ApprovalDecision.Refused], document.Steps.Where(s => s.Approval is not null).Select(s => s.Approval!.Decision));
        Assert.Equal(RunOutcome.Cancelled, document.Summary!.Status);
    }

    [Fact]
    public void A_recording_written_with_string_outcomes_is_written_back_with_the_same_words()
    {
        var document = JsonSerializer.Deserialize<RecordingDocument>(OldRecording, RecordingJson.Options)!;
        var rewritten = JsonSerializer.Serialize(document, RecordingJson.Options);

        Assert.Equal(OutcomeWords(JsonNode.Parse(OldRecording)!), OutcomeWords(JsonNode.Parse(rewritten)!));
    }

    [Fact]
    public async Task The_committed_recording_loads_and_is_written_back_with_the_same_outcome_words()
    {
        var path = Path.Combine(RepoPaths.Root, "recordings", "book-flight", "recording.json");
        var document = await RecordingJson.ReadAsync(path, CancellationToken.None);
        var rewritten = JsonSerializer.Serialize(document, RecordingJson.Options);

        var before = OutcomeWords(JsonNode.Parse(await File.ReadAllTextAsync(path))!);
        Assert.Contains(before, pair => pair.Path.EndsWith(".verdict.outcome", StringComparison.Ordinal)); // the fixture has screen checks
        Assert.Equal(before, OutcomeWords(JsonNode.Parse(rewritten)!));
    }

    [Fact]
    public void A_replay_result_is_written_with_the_words_replay_json_had()
    {
        var result = new ReplayResult
        {
            Name = "r",
            Status = ReplayVerdict.Failed,
            Steps =
            [
                new ReplayStepResult { Index = 1, Action = "click", Summary = "click", Outcome = ReplayStepOutcome.Healed },
                new ReplayStepResult { Index = 2, Action = "fill", Summary = "fill", Outcome = ReplayStepOutcome.Failed },
                new ReplayStepResult { Index = 3, Action = "click", Summary = "click", Outcome = ReplayStepOutcome.Skipped },
            ],
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(result, RecordingJson.Options))!;

        Assert.Equal("failed", (string?)json["status"]);
        Assert.Equal(["healed", "failed", "skipped"], json["steps"]!.AsArray().Select(s => (string?)s!["outcome"]));
    }

    [Fact]
    public void A_number_in_place_of_an_outcome_is_refused()
    {
        const string json = """{ "version": "1", "header": { "name": "n", "driver": "browser", "planner": "p" }, "steps": [ { "index": 1, "action": "click", "outcome": 7 } ] }""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RecordingDocument>(json, RecordingJson.Options));
    }

    [Fact]
    public void An_unknown_outcome_word_is_refused()
    {
        const string json = """{ "version": "1", "header": { "name": "n", "driver": "browser", "planner": "p" }, "steps": [ { "index": 1, "action": "click", "outcome": "won" } ] }""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RecordingDocument>(json, RecordingJson.Options));
    }

    /// <summary>Every outcome, status, decision and verdict in the tree, by path, in document order.</summary>
    private static List<(string Path, string? Word)> OutcomeWords(JsonNode root)
    {
        var words = new List<(string, string?)>();
        Walk(root);
        return words;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if (name is "outcome" or "status" or "decision" or "verdict" && child is JsonValue value) words.Add((child.GetPath(), value.GetValue<string>()));
                        else Walk(child);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array) Walk(item);
                    break;
            }
        }
    }
}
