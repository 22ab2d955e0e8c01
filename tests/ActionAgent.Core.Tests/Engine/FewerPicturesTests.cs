using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// <c>--screenshots failures</c> (RunScreenshots.Failures): a run takes only the pictures something reads (a check that
/// compares or reads the screen, a failed step, the screen the run ends on), and no check loses the pictures it decides on.
/// </summary>
public sealed class FewerPicturesTests
{
    private static readonly PlanStep[] ThreeClicks = [EngineHarness.Click("One"), EngineHarness.Click("Two"), EngineHarness.Click("Three")];

    [Fact]
    public async Task Only_the_picture_a_check_compares_with_and_the_screen_the_run_ends_on_are_taken()
    {
        var verifier = new ChoosyVerifier(before: step => step.Target?.Name == "Two");
        var harness = new EngineHarness { Services = new RunEngineServices { Verifier = verifier, Screenshots = RunScreenshots.Failures } };

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(2, harness.Driver.ScreenshotMasks.Count); // before "Two", and the end
        Assert.Equal([null, "shots/002-before.png", null], harness.Sink.Steps.Select(s => s.ShotBefore));
        Assert.Equal([null, null, "shots/003-after.png"], harness.Sink.Steps.Select(s => s.ShotAfter));
        Assert.Equal(["shots/002-before.png", "shots/003-after.png"], harness.Sink.Artifacts.Keys.Order(StringComparer.Ordinal));
        // The check of "Two" had the picture from before it; the others had none, and none asked for one after.
        Assert.Equal([false, true, false], verifier.Checks.Select(c => c.Before.Screenshot is not null));
        Assert.All(verifier.Checks, c => Assert.Null(c.After.Screenshot));
    }

    [Fact]
    public async Task A_check_that_reads_the_screen_after_the_step_gets_a_picture_though_none_was_asked_for()
    {
        var verifier = new ChoosyVerifier(before: _ => false, after: check => check.Step.Target?.Name == "One");
        var harness = new EngineHarness { Services = new RunEngineServices { Verifier = verifier, Screenshots = RunScreenshots.Failures } };

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal([true, false, false], verifier.Checks.Select(c => c.After.Screenshot is not null));
        Assert.Equal(["shots/001-after.png", null, "shots/003-after.png"], harness.Sink.Steps.Select(s => s.ShotAfter));
    }

    [Fact]
    public async Task A_step_that_fails_its_action_or_its_check_keeps_its_picture()
    {
        var verifier = new ChoosyVerifier(before: _ => false, outcome: check => check.Step.Target?.Name == "Two" ? VerdictOutcome.Failed : VerdictOutcome.Passed);
        var harness = new EngineHarness
        {
            Services = new RunEngineServices { Verifier = verifier, Screenshots = RunScreenshots.Failures },
            Policy = new() { Retries = 0, MaxReplans = 0 },
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.False(result.Succeeded);
        Assert.Equal(["shots/002-after.png"], harness.Sink.Steps.Select(s => s.ShotAfter).OfType<string>());
        Assert.Null(harness.Sink.Steps[0].ShotAfter);

        var failing = new EngineHarness
        {
            Services = new RunEngineServices { Verifier = new ChoosyVerifier(before: _ => false), Screenshots = RunScreenshots.Failures },
            Policy = new() { Retries = 0, MaxReplans = 0 },
        };
        failing.Driver.When(a => a.Target?.Name == "Two" ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "no Two here") : null);

        result = await failing.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.False(result.Succeeded);
        Assert.Equal([1, 2], failing.Sink.Steps.Select(s => s.Index));
        Assert.Null(failing.Sink.Steps[0].ShotAfter);
        Assert.Equal("shots/002-after.png", failing.Sink.Steps[1].ShotAfter);
    }

    [Fact]
    public async Task A_run_that_ends_on_a_browser_that_no_longer_answers_still_completes_its_recording()
    {
        var harness = new EngineHarness
        {
            Services = new RunEngineServices { Screenshots = RunScreenshots.Failures },
            Policy = new() { Retries = 0, MaxReplans = 0, MaxSteps = 1, StepTimeout = TimeSpan.FromMilliseconds(300) },
        };
        harness.Driver.TakeScreenshot = token => Task.Delay(Timeout.Infinite, CancellationToken.None).ContinueWith(_ => Array.Empty<byte>(), TaskScheduler.Default);

        // The step budget ends the run after the first click: the end's picture is asked for and never comes.
        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Succeeded);
        var step = Assert.Single(harness.Sink.Steps);
        Assert.Null(step.ShotAfter);
        Assert.NotNull(harness.Sink.Summary);
    }

    [Fact]
    public async Task A_planner_that_reads_pictures_gets_every_one_whatever_the_run_asked()
    {
        var verifier = new ChoosyVerifier(before: _ => false);
        var harness = new EngineHarness { Services = new RunEngineServices { Verifier = verifier, Screenshots = RunScreenshots.Failures } };

        var result = await harness.RunAsync(new LookingPlanner(ThreeClicks));

        Assert.True(result.Succeeded, result.Reason);
        Assert.All(harness.Sink.Steps, s => Assert.NotNull(s.ShotAfter));
    }

    [Fact]
    public async Task Every_step_is_photographed_by_default()
    {
        var harness = new EngineHarness { Services = new RunEngineServices { Verifier = new ChoosyVerifier(before: _ => false) } };

        var result = await harness.RunAsync(new ExplicitStepsPlanner(ThreeClicks));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(["shots/001-after.png", "shots/002-after.png", "shots/003-after.png"], harness.Sink.Steps.Select(s => s.ShotAfter));
    }

    // A verifier that says which pictures it looks at, and records what it was given.
    private sealed class ChoosyVerifier(Func<PlanStep, bool> before, Func<ScreenCheck, bool>? after = null, Func<ScreenCheck, VerdictOutcome>? outcome = null) : IScreenVerifier
    {
        public string Name => "choosy";
        public List<ScreenCheck> Checks { get; } = [];
        public bool NeedsScreenshot(ScreenCheck check) => after?.Invoke(check) ?? false;
        public bool NeedsScreenshotBefore(PlanStep step, ActionAgent.Core.Observation.UiObservation observation) => before(step);

        public Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken)
        {
            Checks.Add(check);
            var decided = outcome?.Invoke(check) ?? VerdictOutcome.Passed;
            return Task.FromResult(new ScreenVerdict(decided, 0.9, $"choosy says {decided}", Name));
        }
    }

    // The explicit steps, from a planner that says it reads the pictures (as a vision model's does).
    private sealed class LookingPlanner(IReadOnlyList<PlanStep> steps) : IPlanner
    {
        private readonly ExplicitStepsPlanner _inner = new(steps);
        public string Name => "looking";
        public bool ReadsScreenshots => true;
        public Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken) => _inner.NextAsync(context, cancellationToken);
        public Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken) => _inner.DraftAsync(context, cancellationToken);
    }
}
