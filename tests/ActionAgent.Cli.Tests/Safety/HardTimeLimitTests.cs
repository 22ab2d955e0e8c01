using System.Diagnostics;
using System.Text.Json;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>
/// The time limit is a hard stop: a page stuck in a script loop blocks every browser call, and the run (or replay)
/// must still end at its limit, abandon the browser operation and record that it timed out.
/// </summary>
[Collection("safety-browser")]
public sealed class HardTimeLimitTests
{
    private static readonly Dictionary<string, string> StuckPage = new()
    {
        ["index.html"] = "<!doctype html><title>Stuck</title><button onclick=\"setTimeout(() => { for (;;) {} }, 0)\">Spin</button><button>Next</button>",
    };

    [Fact]
    public async Task A_page_stuck_in_a_script_loop_cannot_push_a_run_past_its_time_limit()
    {
        await using var site = await LoopbackSite.StartAsync(StuckPage);
        var dir = Directory.CreateTempSubdirectory("aa-stuck-run-").FullName;
        try
        {
            var scenario = Path.Combine(dir, "stuck.yaml");
            await File.WriteAllTextAsync(scenario, $$"""
                name: stuck
                app: { browser: { start: "{{site.Url()}}" } }
                policy: { timeout: 8s, step_timeout: 5s, retries: 0 }
                steps:
                  - click: { role: button, name: Spin }
                  - click: { role: button, name: Next }
                  - click: { role: button, name: Next }
                """);
            var folder = Path.Combine(dir, "rec");
            var watch = Stopwatch.StartNew();
            var result = await AgentProcess.RunAsync(["run", scenario, "--record-to", folder, "--no-vision"], timeout: TimeSpan.FromSeconds(90));
            watch.Stop();

            Assert.True(result.ExitCode == 1, result.ToString());
            using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recording.json")));
            var summary = recording.RootElement.GetProperty("summary");
            Assert.Contains("time limit", summary.GetProperty("reason").GetString(), StringComparison.Ordinal);
            // The run itself ends at its limit (not at limit + step timeout + the driver's own 20 s bound).
            Assert.InRange(summary.GetProperty("durationMs").GetInt64(), 7_000, 12_000);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(75), $"the command took {watch.Elapsed}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Replay_timeout_stops_a_replay_stuck_in_a_script_loop()
    {
        await using var site = await LoopbackSite.StartAsync(StuckPage);
        var dir = Directory.CreateTempSubdirectory("aa-stuck-replay-").FullName;
        try
        {
            var recordingFolder = Path.Combine(dir, "rec");
            Directory.CreateDirectory(recordingFolder);
            await File.WriteAllTextAsync(Path.Combine(recordingFolder, "recording.json"), $$"""
                {
                  "version": "1",
                  "header": { "name": "stuck", "driver": "browser", "planner": "explicit", "startUrl": "{{site.Url()}}" },
                  "steps": [
                    { "index": 1, "action": "goto", "value": "{{site.Url()}}", "outcome": "succeeded" },
                    { "index": 2, "action": "click", "outcome": "succeeded", "requestedTarget": { "role": "button", "name": "Spin" } },
                    { "index": 3, "action": "click", "outcome": "succeeded", "requestedTarget": { "role": "button", "name": "Next" } },
                    { "index": 4, "action": "click", "outcome": "succeeded", "requestedTarget": { "role": "button", "name": "Next" } }
                  ]
                }
                """);
            var outFolder = Path.Combine(dir, "out");
            var watch = Stopwatch.StartNew();
            var result = await AgentProcess.RunAsync(["replay", recordingFolder, "--timeout", "6s", "--step-timeout", "5s", "--out", outFolder], timeout: TimeSpan.FromSeconds(90));
            watch.Stop();

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("went over its time limit of 00:00:06", result.Output, StringComparison.Ordinal);
            using var replay = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "replay.json")));
            Assert.InRange(replay.RootElement.GetProperty("durationMs").GetInt64(), 5_000, 10_000);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(75), $"the command took {watch.Elapsed}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
