using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// A step's after-picture may arrive after its tree (ObserveOptions.ScreenshotLater): the step is checked, recorded and
/// the next one planned meanwhile, but nothing acts before the picture is there, and every record keeps its picture.
/// </summary>
public sealed class PictureLaterTests
{
    private static readonly PlanStep[] ThreeClicks = [EngineHarness.Click("One"), EngineHarness.Click("Two"), EngineHarness.Click("Three")];

    [Fact]
    public async Task Nothing_acts_before_the_last_steps_picture_has_arrived()
    {
        var harness = new EngineHarness();
        var pictures = SlowPictures(harness.Driver);
        var unfinishedWhenActing = new List<int>();
        harness.Driver.BeforeAction = (_, _) =>
        {
            unfinishedWhenActing.Add(pictures.Count(p => !p.IsCompleted));
            return Task.CompletedTask;
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(3, pictures.Count); // each step's after-picture came later
        Assert.Equal([0, 0, 0], unfinishedWhenActing);
    }

    [Fact]
    public async Task Every_record_keeps_its_own_after_picture_in_order()
    {
        var harness = new EngineHarness();
        var asked = new List<int>(); // the observations whose picture came later, in order
        harness.Driver.PictureLater = observation =>
        {
            asked.Add(observation);
            return Task.Delay(30).ContinueWith(_ => Picture(observation), TaskScheduler.Default);
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(3, asked.Count);
        Assert.Equal([1, 2, 3], harness.Sink.Steps.Select(s => s.Index));
        Assert.Equal(["shots/001-after.png", "shots/002-after.png", "shots/003-after.png"], harness.Sink.Steps.Select(s => s.ShotAfter));
        Assert.Equal(["shots/001-after.png", "shots/002-after.png", "shots/003-after.png"], result.Steps.Select(s => s.ShotAfter));
        Assert.Equal("shots/001-after.png", harness.Sink.Steps[1].ShotBefore);
        // Each step's saved picture is the one taken after that step, not a neighbour's.
        Assert.Equal([Picture(asked[0]), Picture(asked[1]), Picture(asked[2])],
            [harness.Sink.Artifacts["shots/001-after.png"], harness.Sink.Artifacts["shots/002-after.png"], harness.Sink.Artifacts["shots/003-after.png"]]);
        Assert.Equal(3, asked.Distinct().Count());
    }

    [Fact]
    public async Task A_check_that_looks_at_pixels_gets_the_after_picture_and_one_that_does_not_is_not_kept_waiting()
    {
        var looking = new FakeVerifier(_ => VerdictOutcome.Passed);
        var harness = new EngineHarness { Services = new RunEngineServices { Verifier = looking } };
        SlowPictures(harness.Driver);
        await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));
        Assert.All(looking.Checks, c => Assert.NotNull(c.After.Screenshot));

        var treeOnly = new TreeOnlyVerifier();
        harness = new EngineHarness { Services = new RunEngineServices { Verifier = treeOnly } };
        SlowPictures(harness.Driver);
        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));
        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(3, treeOnly.Checks.Count);
        Assert.All(treeOnly.Checks, c => Assert.Null(c.After.Screenshot));
        Assert.All(harness.Sink.Steps, s => Assert.NotNull(s.ShotAfter)); // the pictures are still recorded
    }

    [Fact]
    public async Task A_picture_that_cannot_be_taken_leaves_the_steps_record_and_fails_the_run_on_the_driver()
    {
        var harness = new EngineHarness();
        harness.Driver.PictureLater = _ => Task.FromException<byte[]>(new InvalidOperationException("the browser went away"));

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.False(result.Succeeded);
        Assert.Contains("taking a screenshot", result.Reason, StringComparison.Ordinal);
        var first = Assert.Single(harness.Sink.Steps);
        Assert.Equal(1, first.Index);
        Assert.Null(first.ShotAfter);
        Assert.Single(harness.Driver.Actions); // the second step never acted
    }

    [Fact]
    public async Task A_planner_that_throws_while_the_picture_is_on_its_way_still_leaves_the_last_steps_record()
    {
        var harness = new EngineHarness();
        SlowPictures(harness.Driver);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.RunAsync(new OneStepThenThrows()));

        Assert.Equal("the planner broke", thrown.Message);
        var step = Assert.Single(harness.Sink.Steps);
        Assert.Equal("shots/001-after.png", step.ShotAfter);
    }

    private static byte[] Picture(int observation) => [0x89, 0x50, 0x4E, 0x47, (byte)observation];

    // Every later picture arrives 30 ms after it was asked for (the tree at once).
    private static List<Task<byte[]>> SlowPictures(FakeUiDriver driver)
    {
        var pictures = new List<Task<byte[]>>();
        driver.PictureLater = observation =>
        {
            var picture = Task.Delay(30).ContinueWith(_ => Picture(observation), TaskScheduler.Default);
            pictures.Add(picture);
            return picture;
        };
        return pictures;
    }

    // Plans one click, then throws (a bug in a planner that never looks at pictures).
    private sealed class OneStepThenThrows : IPlanner
    {
        private int _calls;
        public string Name => "throws";
        public bool ReadsScreenshots => false;

        public Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken) =>
            _calls++ == 0 ? Task.FromResult(PlanDecision.Continue([EngineHarness.Click("One")])) : throw new InvalidOperationException("the planner broke");

        public Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PlanStep>>([]);
    }

    private sealed class TreeOnlyVerifier : IScreenVerifier
    {
        public string Name => "tree-only";
        public List<ScreenCheck> Checks { get; } = [];
        public bool NeedsScreenshot(ScreenCheck check) => false;

        public Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken)
        {
            Checks.Add(check);
            return Task.FromResult(new ScreenVerdict(VerdictOutcome.Passed, 0.9, "the tree changed", Name));
        }
    }
}
