using System.Text.Json.Nodes;

namespace ActionAgent.Desktop.Tests;

/// <summary><c>agent run</c> and <c>agent replay</c> on desktop scenarios, as a user runs them.</summary>
[Collection(DesktopCollection.Name)]
public sealed class DesktopRunTests(DesktopSession session)
{
    [Fact]
    public async Task Run_desktop_note_saves_the_note_through_Mousepad_and_replay_saves_it_again()
    {
        var work = Directory.CreateTempSubdirectory("desktop-note-").FullName;
        var path = Path.Combine(work, "note-from-run.txt");
        var note = $"Buy milk {Guid.NewGuid():N}";
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note.yaml",
            ("/tmp/actionagent-desktop-note.txt", path), ("actionagent-desktop-note.txt", "note-from-run.txt"), ("Buy milk, eggs and bread", note));
        var recording = Path.Combine(work, "recording");

        var (exit, output) = await AgentCli.RunAsync(session.Environment, "run", scenario, "--no-vision", "--record-to", recording);

        Assert.True(exit == 0, output);
        Assert.Equal(note, File.ReadAllText(path).TrimEnd('\n'));
        File.Delete(path);

        var (replayExit, replayOutput) = await AgentCli.RunAsync(session.Environment, "replay", recording, "--allow-app", "mousepad");

        Assert.True(replayExit == 0, replayOutput);
        Assert.Equal(note, File.ReadAllText(path).TrimEnd('\n'));
    }

    [Fact]
    public async Task Run_from_the_goal_alone_saves_the_note_through_Mousepads_menu_and_Save_dialog_and_replay_saves_it_again()
    {
        var work = Directory.CreateTempSubdirectory("desktop-goal-").FullName;
        var path = Path.Combine(work, "note-from-goal.txt");
        var note = $"Buy milk {Guid.NewGuid():N}";
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note-goal.yaml",
            ("/tmp/actionagent-desktop-note-goal.txt", path), ("actionagent-desktop-note-goal.txt - Mousepad", "note-from-goal.txt - Mousepad"), ("Buy milk, eggs and bread", note));
        var recording = Path.Combine(work, "recording");

        var (exit, output) = await AgentCli.RunAsync(session.Environment, "run", scenario, "--no-vision", "--record-to", recording);

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(path), $"the run claimed success but {path} was not written:\n{output}");
        Assert.Equal(note, File.ReadAllText(path).TrimEnd('\n'));
        File.Delete(path);

        var (replayExit, replayOutput) = await AgentCli.RunAsync(session.Environment, "replay", recording, "--allow-app", "mousepad");

        Assert.True(replayExit == 0, replayOutput);
        Assert.Equal(note, File.ReadAllText(path).TrimEnd('\n'));
    }

    [Fact]
    public async Task Replay_heals_a_renamed_Save_button_through_its_accessibility_path_and_reports_the_heal()
    {
        var work = Directory.CreateTempSubdirectory("desktop-heal-").FullName;
        var path = Path.Combine(work, "healed.txt");
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note.yaml",
            ("/tmp/actionagent-desktop-note.txt", path), ("actionagent-desktop-note.txt", "healed.txt"));
        var recording = Path.Combine(work, "recording");
        var (exit, output) = await AgentCli.RunAsync(session.Environment, "run", scenario, "--no-vision", "--record-to", recording);
        Assert.True(exit == 0, output);
        File.Delete(path);
        // The recording now names the button as an older version of the app did: role+name find nothing, the path does.
        var file = Path.Combine(recording, "recording.json");
        var document = JsonNode.Parse(File.ReadAllText(file))!;
        var click = document["steps"]!.AsArray().Single(s => (string?)s!["action"] == "click")!;
        foreach (var key in new[] { "target", "requestedTarget" }) click[key]!["name"] = "Store";
        File.WriteAllText(file, document.ToJsonString());

        var (replayExit, replayOutput) = await AgentCli.RunAsync(session.Environment, "replay", recording, "--allow-app", "mousepad");

        Assert.True(replayExit == 0, replayOutput);
        Assert.Contains("1 heals", replayOutput, StringComparison.Ordinal);
        Assert.Contains("via path", replayOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(path), replayOutput);
    }

    [Fact]
    public async Task Run_with_an_app_outside_allow_apps_fails_with_exit_2_and_leaves_its_recording_and_log()
    {
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note.yaml", ("allow_apps: [mousepad]", "allow_apps: [gnome-calculator]"));
        var recording = Path.Combine(Path.GetDirectoryName(scenario)!, "recording");

        var (exit, output) = await AgentCli.RunAsync(session.Environment, "run", scenario, "--no-vision", "--record-to", recording);

        Assert.Equal(2, exit);
        Assert.Contains("\"mousepad\" is not in the policy's allow_apps", output, StringComparison.Ordinal);
        Assert.Contains("allow_apps", File.ReadAllText(Path.Combine(recording, "recording.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(recording, "log.jsonl")));
    }

    [Fact]
    public async Task Run_with_a_launch_command_that_does_not_exist_fails_with_exit_3_naming_it()
    {
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note.yaml", ("launch: mousepad,", "launch: no-such-editor-xyz,"), ("allow_apps: [mousepad]", "allow_apps: []"));
        var recording = Path.Combine(Path.GetDirectoryName(scenario)!, "recording");

        var (exit, output) = await AgentCli.RunAsync(session.Environment, "run", scenario, "--no-vision", "--record-to", recording);

        Assert.Equal(3, exit);
        Assert.Contains("Cannot launch \"no-such-editor-xyz\"", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(recording, "recording.json")));
        Assert.True(File.Exists(Path.Combine(recording, "log.jsonl")));
    }

    [Fact]
    public async Task Run_of_an_app_that_never_shows_a_window_fails_within_its_wait_with_exit_3()
    {
        // `sleep` runs and never shows a window: the wait is bounded and the error says what was missing.
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note.yaml", ("launch: mousepad, window: Mousepad, wait: 20s", "launch: sleep 30, wait: 2s"), ("allow_apps: [mousepad]", "allow_apps: [sleep]"));
        var recording = Path.Combine(Path.GetDirectoryName(scenario)!, "recording");

        var (exit, output) = await AgentCli.RunAsync(session.Environment, "run", scenario, "--no-vision", "--record-to", recording);

        Assert.Equal(3, exit);
        Assert.Contains("\"sleep 30\" did not show a window within 2s", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(recording, "recording.json")));
        Assert.True(File.Exists(Path.Combine(recording, "log.jsonl")));
    }

    [Fact]
    public async Task Run_without_an_accessibility_bus_fails_with_exit_3_saying_how_to_start_one()
    {
        var scenario = AgentCli.CopyScenario("scenarios/desktop-note.yaml");
        var recording = Path.Combine(Path.GetDirectoryName(scenario)!, "recording");
        var broken = new Dictionary<string, string?>(session.Environment) { ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus", ["AT_SPI_BUS_ADDRESS"] = null };

        var (exit, output) = await AgentCli.RunAsync(broken, "run", scenario, "--no-vision", "--record-to", recording);

        Assert.Equal(3, exit);
        Assert.Contains("No accessibility bus", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(recording, "recording.json")));
        Assert.True(File.Exists(Path.Combine(recording, "log.jsonl")));
    }
}
