using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Desktop.Tests;

// gnome-calculator (GTK4) and a zenity form through `agent run` and `agent replay`. What the app shows or prints is read
// by the test itself (the calculator's display through a driver of its own, zenity's stdout), never taken from the
// agent's own verdict.
public sealed partial class DesktopRunTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_of_the_calculator_steps_shows_42_on_its_display_and_replay_shows_it_again()
    {
        // The test starts the calculator and the scenario attaches to it, so the test can read the display after the
        // agent is done (an app the agent launched is closed with the run).
        await using var calculator = await StartCalculatorAsync();
        var work = NewFolder("desktop-calculator-");

        var run = await RunScenarioAsync(work, "scenarios/desktop-calculator.yaml", ("launch: gnome-calculator,", "attach: gnome-calculator,"));

        run.Result.AssertExit(0);
        Assert.Equal("42", await DisplayAsync(calculator, "42"));
        await PressAsync(calculator, "1", "+", "1", "=");
        Assert.Equal("2", await DisplayAsync(calculator, "2"));

        var replay = await ReplayAsync(run, "gnome-calculator");

        replay.AssertExit(0);
        Assert.Equal("42", await DisplayAsync(calculator, "42"));
    }

    // Skipped twice: in the clean-clone CI the goal run failed with the display reading "7× 6" and "42" in its history.
    // The fill was right ("7× 6" is the calculator's own reformatting of "7 × 6"); the "=" click was read before the
    // calculator showed its answer (it works it out off its main loop, ~0.35 s), so the planner tried Enter and "=" again,
    // and each press on a shown result goes back to the expression (reproduced in 2 runs of 2 with LANG unset, where
    // the read came sooner). The driver now returns from a click or key press once the app's windows change (bounded), and
    // the press is proven only by the result on the display, read here by the test's own driver. See docs/desktop.md, "GTK4".
    [Fact]
    public async Task Run_of_the_calculator_from_its_goal_shows_42_on_its_display_and_replay_shows_it_again()
    {
        await using var calculator = await StartCalculatorAsync();
        var work = NewFolder("desktop-calculator-goal-");

        var run = await RunScenarioAsync(work, "scenarios/desktop-calculator-goal.yaml", ("launch: gnome-calculator,", "attach: gnome-calculator,"));

        // A planner that found no way shows here what it had to work with: the calculator's snapshot.
        if (run.Result.ExitCode != 0) Assert.Fail($"{run.Result}\n--- the calculator's snapshot ---\n{(await calculator.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None)).SnapshotText}");
        Assert.Equal("42", await DisplayAsync(calculator, "42"));
        await PressAsync(calculator, "1", "+", "1", "=");
        Assert.Equal("2", await DisplayAsync(calculator, "2"));

        var replay = await ReplayAsync(run, "gnome-calculator");

        replay.AssertExit(0);
        Assert.Equal("42", await DisplayAsync(calculator, "42"));
    }

    [Fact]
    public async Task Run_of_the_zenity_form_steps_makes_zenity_print_the_inputs_and_replay_makes_it_print_them_again()
    {
        var work = NewFolder("desktop-form-");
        var name = $"Ada{Random.Shared.Next(1000)}";

        var run = await RunScenarioAsync(work, "scenarios/desktop-form.yaml", ("name: Ada", $"name: {name}"));

        run.Result.AssertExit(0);
        Assert.Equal($"{name}|London", AppOutput(run.Recording, run.Result));

        var replayFolder = Path.Combine(work, "replay");
        var replay = await AgentCli.RunAsync(session.Environment, "replay", run.Recording, "--allow-app", "zenity", "--out", replayFolder);

        replay.AssertExit(0);
        Assert.Equal($"{name}|London", AppOutput(replayFolder, replay));
    }

    [Fact]
    public async Task Run_of_the_zenity_form_from_its_goal_fills_both_fields_from_the_inputs_and_replay_makes_zenity_print_them_again()
    {
        var work = NewFolder("desktop-form-goal-");
        var name = $"Ada{Random.Shared.Next(1000)}";

        var run = await RunScenarioAsync(work, "scenarios/desktop-form-goal.yaml", ("name: Ada", $"name: {name}"));

        run.Result.AssertExit(0);
        Assert.Equal($"{name}|London", AppOutput(run.Recording, run.Result));

        var replayFolder = Path.Combine(work, "replay");
        var replay = await AgentCli.RunAsync(session.Environment, "replay", run.Recording, "--allow-app", "zenity", "--out", replayFolder);

        replay.AssertExit(0);
        Assert.Equal($"{name}|London", AppOutput(replayFolder, replay));
    }

    [Fact]
    public async Task A_goal_run_records_the_inputs_it_typed_as_placeholders_so_replay_with_param_types_the_new_value()
    {
        var work = NewFolder("desktop-form-param-");
        var name = $"Ada{Random.Shared.Next(1000)}";
        var other = $"Grace{Random.Shared.Next(1000)}";

        var run = await RunScenarioAsync(work, "scenarios/desktop-form-goal.yaml", ("name: Ada", $"name: {name}"));

        run.Result.AssertExit(0);
        Assert.Equal($"{name}|London", AppOutput(run.Recording, run.Result));
        var recorded = await File.ReadAllTextAsync(Path.Combine(run.Recording, "recording.json"));
        run.Result.AssertThat(recorded.Contains("\"${inputs.name}\"", StringComparison.Ordinal), $"the typed name was not recorded as ${{inputs.name}}:\n{recorded}");

        var replayFolder = Path.Combine(work, "replay");
        var replay = await AgentCli.RunAsync(session.Environment, "replay", run.Recording, "--allow-app", "zenity", "--param", $"name={other}", "--out", replayFolder);

        replay.AssertExit(0);
        Assert.Equal($"{other}|London", AppOutput(replayFolder, replay));
    }

    private Task<AtSpiDriver> StartCalculatorAsync() => AtSpiDriver.StartAsync(session.In(new DesktopOptions
    {
        Launch = "gnome-calculator",
        Window = "Calculator",
        WindowTimeout = TimeSpan.FromSeconds(40), // it looks for currency rates first, and gives up only when the network does
    }), CancellationToken.None);

    /// <summary>What the calculator's display shows, waiting (bounded) for <paramref name="expected"/>: it works answers out off its main loop.</summary>
    private static async Task<string?> DisplayAsync(AtSpiDriver calculator, string expected)
    {
        string? shown = null;
        for (var i = 0; i < 50 && shown != expected; i++)
        {
            if (i > 0) await Task.Delay(100);
            await calculator.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
            var display = await calculator.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Extract, Target = new ElementTarget { Role = "textbox" } }, null, false, StepTimeout), CancellationToken.None);
            Assert.True(display.Succeeded, display.Error);
            shown = display.ExtractedText?.Trim();
        }
        return shown;
    }

    private static async Task PressAsync(AtSpiDriver calculator, params string[] keys)
    {
        foreach (var key in keys)
        {
            await calculator.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
            var result = await calculator.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Role = "button", Name = key } }, null, false, StepTimeout), CancellationToken.None);
            Assert.True(result.Succeeded, $"click {key}: {result.Error}");
        }
    }

    /// <summary>What the app printed on stdout, as the run or replay kept it in its folder.</summary>
    private static string AppOutput(string folder, AgentResult by)
    {
        var file = Path.Combine(folder, "app-output.txt");
        by.AssertThat(File.Exists(file), $"{file} was not written");
        return File.ReadAllText(file).Trim();
    }
}
