using System.Text.Json;
using System.Text.Json.Nodes;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Time.Testing;
using static ActionAgent.Core.Tests.Engine.EngineHarness;

namespace ActionAgent.Core.Tests.Engine;

public sealed class StepTimingTests
{
    [Fact]
    public async Task Each_step_records_the_time_its_action_took_and_the_summary_adds_them_up()
    {
        var time = new FakeTimeProvider();
        var harness = new EngineHarness { Services = new RunEngineServices { Time = time } };
        harness.Driver.BeforeAction = (action, _) =>
        {
            time.Advance(TimeSpan.FromMilliseconds(action.Target?.Name == "Slow" ? 700 : 40));
            return Task.CompletedTask;
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("Quick"), Click("Slow")]));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal([40L, 700L], harness.Sink.Steps.Select(s => s.Timings!.ActMs));
        Assert.Equal(740, harness.Sink.Summary!.Timings!.ActMs);
        Assert.Equal(740, result.Timings.ActMs);
    }

    [Fact]
    public void A_phase_inside_another_is_counted_once()
    {
        var time = new FakeTimeProvider();
        var clock = new PhaseClock(time);
        using (clock.Measure(StepPhase.Visual))
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            using (clock.Measure(StepPhase.Act)) time.Advance(TimeSpan.FromMilliseconds(250));
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var step = clock.TakeStep();

        Assert.Equal(150, step.VisualMs);
        Assert.Equal(250, step.ActMs);
        Assert.Equal(400, step.TotalMs);
    }

    [Fact]
    public void A_step_taken_while_a_phase_is_open_gets_the_time_so_far_and_the_rest_goes_to_the_next()
    {
        var time = new FakeTimeProvider();
        var clock = new PhaseClock(time);
        StepTimings first;
        using (clock.Measure(StepPhase.Check))
        {
            time.Advance(TimeSpan.FromMilliseconds(30));
            first = clock.TakeStep();
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(30, first.CheckMs);
        Assert.Equal(20, clock.TakeStep().CheckMs);
        Assert.Equal(50, clock.RunTotals().CheckMs);
    }

    [Fact]
    public async Task A_recording_written_before_timings_existed_still_loads_without_them()
    {
        var path = Path.Combine(Scenarios.RepoPaths.Root, "recordings", "book-flight", "recording.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        foreach (var step in json["steps"]!.AsArray()) step!.AsObject().Remove("timings");
        json["summary"]!.AsObject().Remove("timings");

        var document = json.Deserialize<RecordingDocument>(RecordingJson.Options)!;

        Assert.NotEmpty(document.Steps);
        Assert.All(document.Steps, s => Assert.Null(s.Timings));
        Assert.Null(document.Summary!.Timings);
    }
}
