using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

public sealed class SecretsInRunsTests
{
    private static readonly PlanStep FillCard = new()
    {
        Action = ActionKind.Fill, Target = new ElementTarget { Label = "Card number" }, Value = "${secrets.card}",
    };

    [Fact]
    public async Task The_driver_gets_the_secret_value_but_the_recording_keeps_the_placeholder()
    {
        var harness = new EngineHarness { Secrets = new Dictionary<string, string> { ["card"] = "4242424242424242" } };
        await harness.RunAsync(new ExplicitStepsPlanner([FillCard]));

        Assert.Equal("4242424242424242", harness.Driver.Actions[0].Value);
        Assert.True(harness.Driver.Actions[0].ValueIsSecret);
        Assert.Equal("${secrets.card}", harness.Sink.Steps[0].Value);
        Assert.Equal(["secrets.card"], harness.Sink.Steps[0].Parameters);
        Assert.DoesNotContain(harness.Sink.Steps[0].Checks, c => c.Expected.Contains("4242", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_field_that_received_a_secret_is_masked_in_every_later_screenshot()
    {
        var harness = new EngineHarness { Secrets = new Dictionary<string, string> { ["card"] = "4242424242424242" } };
        await harness.RunAsync(new ExplicitStepsPlanner([FillCard, EngineHarness.Click("Pay")]));

        var lastMasks = harness.Driver.ScreenshotMasks[^1];
        Assert.Contains(lastMasks, t => t.Label == "Card number");
    }

    [Fact]
    public async Task A_driver_error_that_echoes_the_secret_is_masked_in_the_reason_and_the_recording()
    {
        var harness = new EngineHarness { Secrets = new Dictionary<string, string> { ["card"] = "4242424242424242" } };
        harness.Driver.When(a => ActionResult.Failure(ActionFailureKind.NotActionable, $"could not type {a.Value}"));

        var result = await harness.RunAsync(new ExplicitStepsPlanner([FillCard]));

        Assert.DoesNotContain("4242424242424242", result.Reason);
        Assert.DoesNotContain("4242424242424242", harness.Sink.Steps[0].Error);
    }

    [Fact]
    public async Task A_secret_the_page_shows_is_masked_in_the_screen_the_planner_sees()
    {
        var harness = new EngineHarness { Secrets = new Dictionary<string, string> { ["card"] = "4242424242424242" } };
        harness.Driver.Snapshot = "- textbox \"Card number\" [ref=e2]: 4242424242424242";
        var planner = new ScriptedPlanner(_ => PlanDecision.Continue([FillCard]), _ => PlanDecision.Done());

        await harness.RunAsync(planner);

        Assert.All(planner.Contexts, c => Assert.DoesNotContain("4242", c.Observation!.SnapshotText, StringComparison.Ordinal));
    }
}
