using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>A driver that throws (an app that stopped answering) fails the run with a message; it never escapes the engine.</summary>
public sealed class DriverFailureTests
{
    [Fact]
    public async Task A_timeout_while_observing_after_a_step_fails_the_run_naming_the_step_and_completes_the_recording()
    {
        var harness = new EngineHarness();
        // Once the step has acted, the app stops answering: the observation after it times out.
        harness.Driver.OnObserve = _ =>
        {
            if (harness.Driver.Actions.Count > 0) throw new TimeoutException("the app did not answer the accessibility bus");
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Save")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("failed while observing the screen: the app did not answer the accessibility bus (TimeoutException)", result.Reason, StringComparison.Ordinal);
        Assert.Contains("after step 1 acted", result.Reason, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.Failed, harness.Sink.Summary!.Status);
        var step = Assert.Single(harness.Sink.Steps);
        Assert.Equal(StepOutcome.Failed, step.Outcome);
    }

    [Fact]
    public async Task A_driver_that_throws_while_acting_fails_the_run_instead_of_escaping()
    {
        var harness = new EngineHarness();
        harness.Driver.When(_ => throw new IOException("the browser closed"));

        var result = await harness.RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Save")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("failed while acting (click): the browser closed", result.Reason, StringComparison.Ordinal);
        Assert.NotNull(harness.Sink.Summary);
    }
}
