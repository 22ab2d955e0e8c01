using System.Text.Json.Nodes;
using ActionAgent.Testing;
using Xunit.Abstractions;

namespace ActionAgent.Testing.Tests;

/// <summary>The kit against the SkyFare demo site in a real Chromium: one browser for the class, a fresh context per test.</summary>
public sealed class KitTests(AgentFixture fixture, ITestOutputHelper output) : IClassFixture<AgentFixture>
{
    [Fact]
    public async Task Each_test_gets_its_own_context_and_agent_on_the_shared_browser_and_records_into_its_own_folder()
    {
        await using var test = await fixture.StartTestAsync(output);
        await using var other = await fixture.StartTestAsync(output, "another test");

        var run = await test.Agent.RunAsync("type London into the From field", "site:skyfare/?today=2026-11-28");

        Assert.True(run.Succeeded, run.Reason);
        Assert.Same(fixture.Browser, test.Context.Browser);
        Assert.Same(fixture.Browser, other.Context.Browser);
        Assert.NotSame(test.Context, other.Context);
        Assert.Equal("about:blank", other.Page.Url); // the other test's page saw nothing of this run
        Assert.StartsWith(test.Folder, run.RecordingFolder, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.RecordingFolder, "recording.json")));
        Assert.NotEqual(test.Folder, other.Folder);
    }

    [Theory]
    [ReplayData("recordings/book-flight", Scenario = "scenarios/book-flight.yaml")]
    public async Task The_committed_recording_replays_as_a_test_case_and_passes(ReplayCase replay)
    {
        await using var test = await fixture.StartTestAsync(output, $"replay {replay}");

        var result = await test.AssertReplayPassesAsync(replay);

        Assert.Equal("book-flight", replay.Name);
        Assert.True(result.StepCount > 5);
        Assert.StartsWith(test.Folder, result.OutputFolder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_replay_names_the_step_with_expected_and_seen_and_the_output_names_the_report_and_trace()
    {
        var recording = FailingRecording();
        var lines = new RecordedOutput();
        var test = await fixture.StartTestAsync(lines);
        ReplayFailedException failure;
        try
        {
            failure = await Assert.ThrowsAsync<ReplayFailedException>(() => test.AssertReplayPassesAsync(new ReplayCase(recording)));
        }
        finally
        {
            await test.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(recording)!, recursive: true);
        }
        output.WriteLine(failure.Message);

        Assert.Contains("failed at step 2 of 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected: text \"Booking confirmed\"", failure.Message, StringComparison.Ordinal);
        Assert.Matches(@"seen: +\S", failure.Message);
        var report = Assert.Single(lines.Lines, line => line.StartsWith("  report: ", StringComparison.Ordinal))["  report: ".Length..];
        Assert.Equal(failure.Result.ReportPath, report);
        Assert.True(File.Exists(report));
        Assert.Contains(lines.Lines, line => line.StartsWith($"  trace: {test.TracePath}", StringComparison.Ordinal));
        Assert.True(File.Exists(test.TracePath));
    }

    /// <summary>The committed recording's first two steps (no secrets), the second expecting a text SkyFare does not show there.</summary>
    private static string FailingRecording()
    {
        var folder = Directory.CreateTempSubdirectory("aa-kit-").FullName;
        var source = Path.Combine(Repository.Root, "recordings", "book-flight");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "recording.json")))!.AsObject();
        var steps = json["steps"]!.AsArray();
        while (steps.Count > 2) steps.RemoveAt(steps.Count - 1);
        steps[1]!["checks"]!.AsArray().Add(new JsonObject { ["kind"] = "text", ["expected"] = "Booking confirmed" });
        var header = json["header"]!.AsObject();
        header["secretNames"] = new JsonArray();
        header["secretSources"] = new JsonObject();
        header["expect"] = new JsonArray();
        header["policy"]!["stepTimeoutMs"] = 3000;
        var recording = Path.Combine(folder, "failing");
        Directory.CreateDirectory(Path.Combine(recording, "shots"));
        foreach (var shot in Directory.GetFiles(Path.Combine(source, "shots"), "00[12]-*.png")) File.Copy(shot, Path.Combine(recording, "shots", Path.GetFileName(shot)));
        File.WriteAllText(Path.Combine(recording, "recording.json"), json.ToJsonString());
        return recording;
    }

    private sealed class RecordedOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
