using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Replay;

/// <summary>
/// A wait-for step whose requested target is a condition on the page records the element that met it: the page's body.
/// When the wait outlasts its fast path, the body (there on every page) must not stand in for the condition as a heal.
/// </summary>
public sealed class ReplayWaitConditionTests
{
    private const string Condition = "body:not(:has(:text-is(\"Searching flights…\"):visible))";
    private static readonly ReplayOptions Fast = new() { StepTimeout = TimeSpan.FromMilliseconds(300), FastPathMinimum = TimeSpan.FromMilliseconds(50) };

    private static RecordingDocument WaitForCondition() => ReplayFixtures.Recording(new StepRecord
    {
        Index = 1,
        Action = "wait-for",
        RequestedTarget = new ElementTarget { Css = Condition },
        Target = new ElementTarget { Css = "html > body", XPath = "/html/body", Box = new BoundingBox(0, 0, 1280, 800) },
        ResolvedBy = "css",
        Outcome = StepOutcome.Succeeded,
    });

    [Fact]
    public async Task A_condition_slower_than_its_fast_path_is_waited_for_and_is_no_heal()
    {
        var asked = 0;
        // The condition holds only from the second time it is asked (a search slower than the recorded one); the body
        // would be found at once.
        var driver = new FakeUiDriver().When(a => a.Target?.Css == Condition && ++asked == 1
            ? ActionResult.Failure(ActionFailureKind.Timeout, "waiting for the condition")
            : null);

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(WaitForCondition(), CancellationToken.None);

        Assert.True(result.Passed, result.Reason);
        Assert.Equal(0, result.HealCount);
        Assert.Null(Assert.Single(result.Steps).Heal);
        Assert.All(driver.Actions, a => Assert.Equal(Condition, a.Target?.Css));
    }

    [Fact]
    public async Task A_condition_that_never_holds_fails_the_step_although_the_body_is_there()
    {
        var driver = new FakeUiDriver().When(a => a.Target?.Css == Condition
            ? ActionResult.Failure(ActionFailureKind.Timeout, "waiting for the condition")
            : null);

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(WaitForCondition(), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(ReplayStepOutcome.Failed, Assert.Single(result.Steps).Outcome);
        Assert.Contains("waiting for the condition", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(driver.Actions, a => a.Target?.Css == "html > body");
    }
}
