using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// The goal's reading needs no page: the interpreter's sub-goals and the planner's own start
/// (<see cref="IPlanner.PrepareAsync"/>) run while the app opens, and the first plan waits for them.
/// </summary>
public sealed class GoalReadingTests
{
    private static readonly SubGoal Search = FixedInterpreter.Goal(1, ActionFamily.Activate, "search", EffectKind.ScreenChanged, optional: true);

    [Fact]
    public async Task The_goal_is_read_while_the_app_opens_and_the_planner_is_ready_before_its_first_call()
    {
        var harness = new EngineHarness { Services = new RunEngineServices { Interpreter = new FixedInterpreter(Search) } };
        var planner = new PreparingPlanner();
        // The app's opening does not end until the planner has read the goal: a reading that waited for the page hangs.
        harness.Driver.BeforeAction = (action, token) => action.Kind == ActionKind.Goto
            ? planner.Prepared.Task.WaitAsync(TimeSpan.FromSeconds(20), token)
            : Task.CompletedTask;

        var result = await harness.RunAsync(planner, startUrl: "http://app.test/");

        Assert.Equal(RunState.Succeeded, result.FinalState);
        var prepared = Assert.Single(planner.PreparedWith);
        Assert.Null(prepared.Observation);
        Assert.Equal("do the thing", prepared.Goal);
        Assert.Equal([Search], prepared.SubGoals);
        Assert.True(planner.FirstCallFoundItPrepared);
    }

    [Fact]
    public async Task A_run_whose_app_does_not_open_still_waits_for_the_reading_and_fails_for_its_own_reason()
    {
        var harness = new EngineHarness();
        var planner = new PreparingPlanner { Delay = TimeSpan.FromMilliseconds(300) };
        harness.Driver.When(a => a.Kind == ActionKind.Goto ? ActionResult.Failure(ActionFailureKind.NavigationFailed, "the app is down") : null);
        harness.Policy = harness.Policy with { MaxReplans = 0 };

        var result = await harness.RunAsync(planner, startUrl: "http://app.test/");

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("the app is down", result.Reason, StringComparison.Ordinal);
        Assert.True(planner.Prepared.Task.IsCompleted, "the run ended before the goal's reading did");
    }

    private sealed class PreparingPlanner : IPlanner
    {
        public TaskCompletionSource Prepared { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<PlanningContext> PreparedWith { get; } = [];
        public bool FirstCallFoundItPrepared { get; private set; }
        public TimeSpan Delay { get; init; }
        private int _calls;

        public string Name => "preparing";

        public async Task PrepareAsync(PlanningContext context, CancellationToken cancellationToken)
        {
            PreparedWith.Add(context);
            await Task.Delay(Delay, cancellationToken);
            Prepared.TrySetResult();
        }

        public Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken)
        {
            if (_calls++ == 0) FirstCallFoundItPrepared = Prepared.Task.IsCompleted;
            return Task.FromResult(_calls == 1
                ? PlanDecision.Continue([EngineHarness.Click("Search")], "search")
                : PlanDecision.Done("done"));
        }

        public Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PlanStep>>([]);
    }
}
