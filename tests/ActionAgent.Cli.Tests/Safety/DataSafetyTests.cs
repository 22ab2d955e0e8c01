using System.Text;
using System.Text.Json;
using ActionAgent.Cli.Running;
using ActionAgent.Core.Recording;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>
/// A run never loses or interleaves another run's recording, a replay never silently replaces earlier results, and
/// every artifact is written whole or not at all.
/// </summary>
public sealed class DataSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-data-safety-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario()
    {
        var path = Path.Combine(_dir, "scenario.yaml");
        File.WriteAllText(path, "name: x\napp: { browser: { start: \"http://127.0.0.1:9/\" } }\nsteps:\n  - click: OK\n");
        return path;
    }

    [Fact]
    public async Task A_second_run_into_a_locked_recording_folder_fails_clearly_and_the_first_loses_nothing()
    {
        var folder = Path.Combine(_dir, "rec");
        // This test process stands for the first run: it holds the folder's lock and has written its recording.
        using var first = FolderLock.TryAcquire(folder, out var error);
        Assert.NotNull(first);
        File.WriteAllText(Path.Combine(folder, "log.jsonl"), "first run's log\n");

        var second = await AgentProcess.RunAsync(["run", Scenario(), "--record-to", folder]);

        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("is in use by another agent command", second.Output, StringComparison.Ordinal);
        Assert.Equal("first run's log\n", File.ReadAllText(Path.Combine(folder, "log.jsonl")));
        Assert.False(File.Exists(Path.Combine(folder, "recording.json")));
    }

    [Fact]
    public async Task A_run_into_a_folder_that_holds_a_recording_fails_clearly_and_leaves_it_as_it_was()
    {
        var folder = Path.Combine(_dir, "rec");
        Directory.CreateDirectory(folder);
        var recording = Path.Combine(AgentProcess.RepositoryRoot, "recordings", "book-flight", "recording.json");
        File.Copy(recording, Path.Combine(folder, "recording.json"));

        var result = await AgentProcess.RunAsync(["run", Scenario(), "--record-to", folder]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("already holds a recording", result.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(recording), File.ReadAllBytes(Path.Combine(folder, "recording.json")));
    }

    [Fact]
    public async Task Record_into_a_folder_that_holds_a_recording_fails_before_a_browser_opens_and_leaves_it_as_it_was()
    {
        var folder = Path.Combine(_dir, "recorded");
        Directory.CreateDirectory(folder);
        var recording = Path.Combine(AgentProcess.RepositoryRoot, "recordings", "book-flight", "recording.json");
        File.Copy(recording, Path.Combine(folder, "recording.json"));

        // A display is named so the command gets past its display check; it must stop before it needs one.
        var result = await AgentProcess.RunAsync(["record", "http://127.0.0.1:9/", "--out", folder], new Dictionary<string, string?> { ["DISPLAY"] = ":404" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("already holds a recording", result.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(recording), File.ReadAllBytes(Path.Combine(folder, "recording.json")));
    }

    [Fact]
    public async Task Replay_refuses_an_out_folder_that_already_holds_a_replay()
    {
        var outFolder = Path.Combine(_dir, "out");
        Directory.CreateDirectory(outFolder);
        File.WriteAllText(Path.Combine(outFolder, "junit.xml"), "<testsuites name=\"earlier\"/>");

        var result = await AgentProcess.RunAsync(["replay", "recordings/book-flight", "--scenario", "scenarios/book-flight.yaml", "--out", outFolder]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("already holds a replay (junit.xml)", result.Output, StringComparison.Ordinal);
        Assert.Equal("<testsuites name=\"earlier\"/>", File.ReadAllText(Path.Combine(outFolder, "junit.xml")));
    }

    [Fact]
    public async Task An_artifact_write_that_fails_halfway_leaves_the_previous_file_whole()
    {
        var path = Path.Combine(_dir, "replay.json");
        await AtomicFile.WriteAllTextAsync(path, "{\"previous\":true}", Encoding.UTF8, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"half"), token);
            throw new IOException("disk full");
        }, CancellationToken.None));

        Assert.Equal("{\"previous\":true}", File.ReadAllText(path));
        Assert.Equal(["replay.json"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
        using var _ = JsonDocument.Parse(File.ReadAllText(path));
    }
}
