using System.Text.Json;

namespace ActionAgent.Cli.Tests;

/// <summary>
/// A goal's <c>${inputs.NAME}</c> reaches the planner as its value; the recording keeps the placeholder, so
/// <c>agent replay --param NAME=…</c> types another value, in a real Chromium on the commands demo site.
/// </summary>
public sealed class GoalInputReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-goal-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_goal_run_with_an_input_replays_with_param_typing_the_new_value()
    {
        var scenario = Path.Combine(_dir, "sign-up-name.yaml");
        await File.WriteAllTextAsync(scenario, """
            version: 1
            name: sign-up-name
            goal: Type ${inputs.name} into the Name field
            app: { browser: { start: "site:commands/labels.html" } }
            inputs: { name: Ada }
            """);
        var recording = Path.Combine(_dir, "recording");

        var run = await AgentProcess.RunAsync(["run", scenario, "--no-vision", "--record-to", recording]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using (var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(recording, "recording.json"))))
        {
            var typed = recorded.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("action").GetString() is "fill" or "type");
            Assert.Equal("${inputs.name}", typed.GetProperty("value").GetString());
            Assert.Equal(["inputs.name"], typed.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        }

        var replayFolder = Path.Combine(_dir, "replay");
        var replay = await AgentProcess.RunAsync(["replay", recording, "--param", "name=Grace", "--out", replayFolder]);

        Assert.True(replay.ExitCode == 0, replay.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(replayFolder, "replay.json")));
        var step = report.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("action").GetString() is "fill" or "type");
        // The replay's value check read the field on the page: it holds the new value.
        var check = Assert.Single(step.GetProperty("checks").EnumerateArray(), c => c.GetProperty("check").GetString()!.StartsWith("value is", StringComparison.Ordinal));
        Assert.Equal("value is \"Grace\"", check.GetProperty("check").GetString());
        Assert.True(check.GetProperty("passed").GetBoolean(), check.ToString());
    }
}
