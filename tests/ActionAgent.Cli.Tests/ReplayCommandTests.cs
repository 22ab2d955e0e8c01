using System.Text.Json;
using System.Xml.Linq;

namespace ActionAgent.Cli.Tests;

/// <summary>`agent replay` as CI runs it: the committed recording, drift, heal-out, --no-heal, changed meaning.</summary>
[Collection("replays")]
public sealed class ReplayCommandTests(ReplayRuns runs)
{
    [Fact]
    public void Committed_book_flight_recording_replays_against_SkyFare_and_passes()
    {
        Assert.True(runs.Standard.ExitCode == 0, runs.Standard.ToString());
        var count = ReplayRuns.RecordedSteps.Count;
        Assert.Contains($"PASSED {count} steps: {count} passed, 0 failed, 0 skipped; 0 heals", runs.Standard.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_makes_no_model_calls()
    {
        Assert.Contains("0 model calls", runs.Standard.Flat, StringComparison.Ordinal);
        var junit = XDocument.Load(Path.Combine(runs.Out("standard"), "junit.xml"));
        Assert.Equal("0", junit.Descendants("property").Single(p => p.Attribute("name")!.Value == "modelCalls").Attribute("value")!.Value);
    }

    [Fact]
    public void Replay_writes_junit_with_one_test_case_per_step()
    {
        var junit = XDocument.Load(Path.Combine(runs.Out("standard"), "junit.xml"));

        var cases = junit.Descendants("testcase").ToList();
        var search = ReplayRuns.StepClicking("Search flights");
        Assert.Equal(ReplayRuns.RecordedSteps.Count + 1, cases.Count); // the steps + the expectations
        Assert.StartsWith($"step {search:00} click role button \"Search flights\"", cases[search - 1].Attribute("name")!.Value, StringComparison.Ordinal);
        Assert.Empty(junit.Descendants("failure"));
    }

    [Fact]
    public void Drifted_site_passes_with_the_heals_reported()
    {
        Assert.True(runs.Drift.ExitCode == 0, runs.Drift.ToString());
        Assert.Contains($"heal step {ReplayRuns.StepClicking("Search flights")} click: role button \"Search flights\" →", runs.Drift.Flat, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* heals \(heal rate \d+\.\d %", runs.Drift.Flat);
    }

    [Fact]
    public void Heals_are_reported_with_a_screenshot_for_the_crop()
    {
        using var replay = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs.Out("drift"), "replay.json")));
        var heals = replay.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.TryGetProperty("heal", out _)).ToList();

        Assert.NotEmpty(heals);
        foreach (var heal in heals.Select(s => s.GetProperty("heal")))
        {
            Assert.True(File.Exists(Path.Combine(runs.Out("drift"), heal.GetProperty("shot").GetString()!)));
            Assert.True(heal.GetProperty("box").GetProperty("width").GetDouble() > 0);
        }
    }

    [Fact]
    public void Heal_out_recording_replays_on_the_drifted_site_with_zero_heals()
    {
        Assert.True(File.Exists(Path.Combine(runs.Out("healed-recording"), "recording.json")), runs.Drift.ToString());
        Assert.True(runs.Healed.ExitCode == 0, runs.Healed.ToString());
        Assert.Contains("0 heals", runs.Healed.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void No_heal_fails_naming_the_step_and_the_locator_that_broke()
    {
        Assert.True(runs.NoHeal.ExitCode == 1, runs.NoHeal.ToString());
        Assert.Contains($"step {ReplayRuns.StepClicking("Search flights")} click: role button \"Search flights\" no longer matches; found by ", runs.NoHeal.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_meaning_fails_at_the_derived_check_not_silently()
    {
        Assert.True(runs.Meaning.ExitCode == 1, runs.Meaning.ToString());
        var expected = $"step {ReplayRuns.StepClicking("Pay")} click: the recorded check";
        Assert.True(runs.Meaning.Flat.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in:\n{runs.Meaning}");
        var junit = XDocument.Load(Path.Combine(runs.Out("meaning"), "junit.xml"));
        Assert.Equal("check-failed", Assert.Single(junit.Descendants("failure")).Attribute("type")!.Value);
    }

    [Fact]
    public async Task Missing_recording_is_bad_input_naming_the_file()
    {
        var run = await AgentProcess.RunAsync(["replay", "recordings/no-such-recording"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no-such-recording", run.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_recording_is_bad_input_naming_the_field()
    {
        var folder = Directory.CreateTempSubdirectory("aa-bad-recording").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "recording.json"),
            """{ "version": "1", "header": { "name": "x", "driver": "browser", "planner": "p" }, "steps": [ { "index": "one", "action": "click", "outcome": "succeeded" } ] }""");

        var run = await AgentProcess.RunAsync(["replay", folder]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("$.steps[0].index", run.Flat, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Unknown_parameter_is_bad_input()
    {
        var run = await AgentProcess.RunAsync(["replay", ReplayRuns.Recording, "--param", "destination=Rome"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--param destination: the recording has no input", run.Flat, StringComparison.Ordinal);
    }
}
