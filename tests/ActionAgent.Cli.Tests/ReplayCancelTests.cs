using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace ActionAgent.Cli.Tests;

/// <summary>`agent replay` interrupted with Ctrl+C still leaves its report, JUnit file and log.</summary>
public sealed class ReplayCancelTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aa-replay-cancel-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Ctrl_C_stops_the_replay_with_exit_130_and_its_outputs_say_it_was_cancelled()
    {
        var result = await AgentProcess.RunAsync(["replay", .. ReplayRuns.Secrets, ReplayRuns.Recording, "--out", _folder],
            whileRunning: async process =>
            {
                // Wait for the third step to be reported, then interrupt like a person pressing Ctrl+C.
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited && !process.Stdout.Contains("  3 ", StringComparison.Ordinal))
                {
                    await Task.Delay(50);
                }
                process.Signal("INT");
            });

        Assert.True(result.ExitCode == 130, result.ToString());
        using var replay = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "replay.json")));
        Assert.Equal("failed", replay.RootElement.GetProperty("status").GetString());
        Assert.Contains("cancelled", replay.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var steps = replay.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(ReplayRuns.RecordedSteps.Count, steps.Count);
        Assert.Equal("skipped", steps[^1].GetProperty("outcome").GetString());
        Assert.NotEmpty(XDocument.Load(Path.Combine(_folder, "junit.xml")).Descendants("failure"));
        Assert.True(File.Exists(Path.Combine(_folder, "report.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "log.jsonl")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
