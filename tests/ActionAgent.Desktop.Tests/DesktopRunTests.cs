using System.Diagnostics;
using System.Text.Json.Nodes;
using ActionAgent.TestSupport;

namespace ActionAgent.Desktop.Tests;

/// <summary><c>agent run</c> and <c>agent replay</c> on desktop scenarios, as a user runs them.</summary>
[Collection(DesktopCollection.Name)]
public sealed partial class DesktopRunTests(DesktopSession session)
{
    [Fact]
    public async Task Run_desktop_note_saves_the_note_through_Mousepad_and_replay_saves_it_again()
    {
        var work = NewFolder("desktop-note-");
        var path = Path.Combine(work, "note-from-run.txt");
        var note = $"Buy milk {Guid.NewGuid():N}";

        var run = await RunScenarioAsync(work, "scenarios/desktop-note.yaml",
            ("/tmp/actionagent-desktop-note.txt", path), ("actionagent-desktop-note.txt", "note-from-run.txt"), ("Buy milk, eggs and bread", note));

        run.Result.AssertExit(0);
        Assert.Equal(note, await ReadWrittenFileAsync(path, run.Result));
        File.Delete(path);

        var replay = await ReplayAsync(run, "mousepad");

        replay.AssertExit(0);
        Assert.Equal(note, await ReadWrittenFileAsync(path, replay));
    }

    [Fact]
    public async Task Run_from_the_goal_alone_saves_the_note_through_Mousepads_menu_and_Save_dialog_and_replay_saves_it_again()
    {
        var work = NewFolder("desktop-goal-");
        var path = Path.Combine(work, "note-from-goal.txt");
        var note = $"Buy milk {Guid.NewGuid():N}";

        // The goal names its note and path as ${inputs.…}: the planner reads the values the inputs give.
        var run = await RunScenarioAsync(work, "scenarios/desktop-note-goal.yaml",
            ("/tmp/actionagent-desktop-note-goal.txt", path), ("actionagent-desktop-note-goal.txt - Mousepad", "note-from-goal.txt - Mousepad"), ("Buy milk, eggs and bread", note));

        run.Result.AssertExit(0);
        Assert.Equal(note, await ReadWrittenFileAsync(path, run.Result));
        File.Delete(path);

        var replay = await ReplayAsync(run, "mousepad");

        replay.AssertExit(0);
        Assert.Equal(note, await ReadWrittenFileAsync(path, replay));
    }

    [Fact]
    public async Task Replay_heals_a_renamed_Save_button_through_its_accessibility_path_and_reports_the_heal()
    {
        var work = NewFolder("desktop-heal-");
        var path = Path.Combine(work, "healed.txt");
        var run = await RunScenarioAsync(work, "scenarios/desktop-note.yaml", ("/tmp/actionagent-desktop-note.txt", path), ("actionagent-desktop-note.txt", "healed.txt"));
        run.Result.AssertExit(0);
        File.Delete(path);
        // The recording now names the button as an older version of the app did: role+name find nothing, the path does.
        var file = Path.Combine(run.Recording, "recording.json");
        var document = JsonNode.Parse(File.ReadAllText(file))!;
        var click = document["steps"]!.AsArray().Single(s => (string?)s!["action"] == "click")!;
        foreach (var key in new[] { "target", "requestedTarget" }) click[key]!["name"] = "Store";
        File.WriteAllText(file, document.ToJsonString());

        var replay = await ReplayAsync(run, "mousepad");

        replay.AssertExit(0);
        replay.AssertThat(replay.Output.Contains("1 heals", StringComparison.Ordinal) && replay.Output.Contains("via path", StringComparison.Ordinal), "the heal through the path is not reported");
        Assert.True(File.Exists(path), replay.ToString());
    }

    [Fact]
    public async Task Run_with_an_app_outside_allow_apps_fails_with_exit_2_and_leaves_its_recording_and_log()
    {
        var run = await RunScenarioAsync(NewFolder("desktop-allow-"), "scenarios/desktop-note.yaml", ("allow_apps: [mousepad]", "allow_apps: [gnome-calculator]"));

        run.Result.AssertExit(2);
        run.Result.AssertThat(run.Result.Output.Contains("\"mousepad\" is not in the policy's allow_apps", StringComparison.Ordinal), "the refusal does not name the app");
        AssertRecordingAndLog(run);
        Assert.Contains("allow_apps", File.ReadAllText(Path.Combine(run.Recording, "recording.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_launch_command_that_does_not_exist_fails_with_exit_3_naming_it()
    {
        var run = await RunScenarioAsync(NewFolder("desktop-launch-"), "scenarios/desktop-note.yaml", ("launch: mousepad,", "launch: no-such-editor-xyz,"), ("allow_apps: [mousepad]", "allow_apps: []"));

        run.Result.AssertExit(3);
        run.Result.AssertThat(run.Result.Output.Contains("Cannot launch \"no-such-editor-xyz\"", StringComparison.Ordinal), "the error does not name the command");
        AssertRecordingAndLog(run);
    }

    [Fact]
    public async Task Run_of_an_app_that_never_shows_a_window_fails_within_its_wait_with_exit_3()
    {
        // `sleep` runs and never shows a window: the wait is bounded and the error says what was missing.
        var run = await RunScenarioAsync(NewFolder("desktop-nowindow-"), "scenarios/desktop-note.yaml",
            ("launch: mousepad, window: Mousepad, wait: 20s", "launch: sleep 30, wait: 2s"), ("allow_apps: [mousepad]", "allow_apps: [sleep]"));

        run.Result.AssertExit(3);
        run.Result.AssertThat(run.Result.Output.Contains("\"sleep 30\" did not show a window within 2s", StringComparison.Ordinal), "the error does not say what was missing");
        AssertRecordingAndLog(run);
    }

    [Fact]
    public async Task Run_without_an_accessibility_bus_fails_with_exit_3_saying_how_to_start_one()
    {
        var broken = new Dictionary<string, string?>(session.Environment) { ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus", ["AT_SPI_BUS_ADDRESS"] = null };

        var run = await RunScenarioAsync(NewFolder("desktop-nobus-"), "scenarios/desktop-note.yaml", broken, whileRunning: null);

        run.Result.AssertExit(3);
        run.Result.AssertThat(run.Result.Output.Contains("No accessibility bus", StringComparison.Ordinal), "the error does not say the bus is missing");
        AssertRecordingAndLog(run);
    }

    [Fact]
    public async Task Run_whose_app_stops_answering_mid_run_fails_with_exit_1_naming_the_driver_failure_and_leaves_its_recording_and_log()
    {
        var work = NewFolder("desktop-stopped-");
        var path = Path.Combine(work, "never.txt");
        var stopped = new List<int>();
        try
        {
            // Once the run has typed the note, Mousepad is stopped (SIGSTOP): it stays on the bus but answers nothing.
            var run = await RunScenarioAsync(work, "scenarios/desktop-note.yaml", session.Environment, async agent =>
            {
                var log = Path.Combine(work, "recording", "log.jsonl");
                var deadline = Stopwatch.StartNew();
                while (deadline.Elapsed < TimeSpan.FromSeconds(90) && !agent.HasExited)
                {
                    if (File.Exists(log) && ReadShared(log).Contains("\"Index\":2,\"Action\":\"press\"", StringComparison.Ordinal))
                    {
                        foreach (var pid in ChildProcesses(agent.Id, "mousepad")) Signal("STOP", pid, stopped);
                        return;
                    }
                    await Task.Delay(100);
                }
            }, ("/tmp/actionagent-desktop-note.txt", path), ("actionagent-desktop-note.txt", "never.txt"));

            Assert.NotEmpty(stopped);
            run.Result.AssertExit(1);
            run.Result.AssertThat(run.Result.Output.Contains("did not answer the accessibility bus", StringComparison.Ordinal), "the failure does not say the app stopped answering");
            run.Result.AssertThat(run.Result.Output.Contains("The desktop driver failed while", StringComparison.Ordinal), "the failure does not name the driver");
            run.Result.AssertThat(!run.Result.Output.Contains("Unhandled exception", StringComparison.Ordinal), "the agent crashed");
            AssertRecordingAndLog(run);
            Assert.Contains("\"status\": \"failed\"", File.ReadAllText(Path.Combine(run.Recording, "recording.json")), StringComparison.Ordinal);
        }
        finally
        {
            // A stopped process cannot die of SIGKILL until it runs again on some kernels' bookkeeping: continue it first.
            foreach (var pid in stopped) Signal("CONT", pid, []);
        }
    }

    private static string NewFolder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Copies a scenario into <paramref name="work"/> (with replacements) and runs it there, recording to work/recording.</summary>
    private Task<ScenarioRun> RunScenarioAsync(string work, string scenario, params (string From, string To)[] replacements) =>
        RunScenarioAsync(work, scenario, session.Environment, whileRunning: null, replacements);

    private static async Task<ScenarioRun> RunScenarioAsync(string work, string scenario, IReadOnlyDictionary<string, string?> environment,
        Func<AgentProcess, Task>? whileRunning, params (string From, string To)[] replacements)
    {
        var copy = AgentCli.CopyScenario(work, scenario, replacements);
        var recording = Path.Combine(work, "recording");
        var result = await AgentCli.RunAsync(environment, whileRunning, "run", copy, "--no-vision", "--record-to", recording);
        return new ScenarioRun(work, recording, result);
    }

    /// <summary>Replays the run's recording, letting it launch (or attach to) <paramref name="app"/>.</summary>
    private Task<AgentResult> ReplayAsync(ScenarioRun run, string app) =>
        AgentCli.RunAsync(session.Environment, "replay", run.Recording, "--allow-app", app, "--out", Path.Combine(run.Folder, $"replay-{Guid.NewGuid():N}"));

    private static void AssertRecordingAndLog(ScenarioRun run)
    {
        run.Result.AssertThat(File.Exists(Path.Combine(run.Recording, "recording.json")), "no recording.json was written");
        run.Result.AssertThat(File.Exists(Path.Combine(run.Recording, "log.jsonl")), "no log.jsonl was written");
    }

    /// <summary>
    /// The text of a file the app saved, once it is there: the title names the file as the save starts and GIO writes it
    /// asynchronously, so the disk gets a moment. A file never written fails with what the agent printed.
    /// </summary>
    private static async Task<string> ReadWrittenFileAsync(string path, AgentResult by)
    {
        for (var i = 0; i < 50 && !File.Exists(path); i++) await Task.Delay(100);
        by.AssertThat(File.Exists(path), $"{path} was not written");
        return (await File.ReadAllTextAsync(path)).TrimEnd('\n');
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The processes under <paramref name="parent"/> (any depth) whose name is <paramref name="name"/>.</summary>
    private static List<int> ChildProcesses(int parent, string name)
    {
        var found = new List<int>();
        var queue = new Queue<int>([parent]);
        while (queue.Count > 0)
        {
            var pid = queue.Dequeue();
            List<string> lists;
            try
            {
                lists = [.. Directory.EnumerateDirectories($"/proc/{pid}/task").Select(task => Path.Combine(task, "children"))];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // it exited meanwhile (an xdotool the agent ran)
            }
            foreach (var children in lists)
            {
                string text;
                try
                {
                    text = File.ReadAllText(children);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
                {
                    queue.Enqueue(child);
                    try
                    {
                        if (File.ReadAllText($"/proc/{child}/comm").Trim() == name) found.Add(child);
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }
        return found;
    }

    private static void Signal(string signal, int pid, List<int> signalled)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode == 0) signalled.Add(pid);
    }

    /// <summary>One scenario run: its folder, its recording folder and what the agent printed.</summary>
    private sealed record ScenarioRun(string Folder, string Recording, AgentResult Result);
}
