using System.Text.Json;

namespace ActionAgent.Cli.Tests.Mcp;

/// <summary>A server started with `agent mcp --screenshots failures`.</summary>
public sealed class McpFewerPicturesFixture : McpServerFixture
{
    protected override IReadOnlyList<string> ExtraArguments => ["--screenshots", "failures"];
}

/// <summary>`agent mcp --screenshots failures`: run_goal's recordings keep only the pictures the run read and the end's.</summary>
public sealed class McpFewerPicturesTests(McpFewerPicturesFixture server) : IClassFixture<McpFewerPicturesFixture>
{
    [Fact]
    public async Task Run_goal_records_the_screen_it_ended_on_and_no_picture_after_the_other_steps()
    {
        var run = await server.CallAsync("run_goal", new() { ["goal"] = "type Rome in From", ["startUrl"] = "site:skyfare/?today=2026-11-28" });
        Assert.False(run.IsError, McpServerFixture.Text(run) + "\n" + server.ServerLog);
        var folder = JsonDocument.Parse(McpServerFixture.Text(run)).RootElement.GetProperty("recordingFolder").GetString()!;

        using var recording = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "recording.json")));
        var shots = recording.RootElement.GetProperty("steps").EnumerateArray()
            .Select(step => step.TryGetProperty("shotAfter", out var shot) && shot.ValueKind == JsonValueKind.String ? shot.GetString() : null).ToList();

        Assert.True(shots.Count >= 2, $"{shots.Count} steps");
        Assert.Equal($"shots/{shots.Count:000}-after.png", shots[^1]);
        Assert.All(shots.SkipLast(1), shot => Assert.Null(shot));
    }
}
