using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Tests.Engine;

public sealed class GroundingFallbackTests
{
    private static readonly PlanStep ClickPay = new() { Action = ActionKind.Click, Target = ElementTarget.Describe("the Pay button") };

    [Fact]
    public async Task A_semantic_target_is_grounded_before_the_driver_acts()
    {
        var harness = new EngineHarness { Services = new RunEngineServices { Grounder = new FixedGrounder(new ElementTarget { Ref = "e7" }) } };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([ClickPay]));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal("e7", harness.Driver.Actions[0].Target!.Ref);
        Assert.StartsWith("accessibility:", harness.Sink.Steps[0].Grounding);
    }

    [Fact]
    public async Task When_the_tree_has_no_element_the_visual_locator_finds_it_and_the_driver_acts_by_coordinates()
    {
        var box = new BoundingBox(100, 200, 80, 30);
        var harness = new EngineHarness
        {
            Services = new RunEngineServices { Grounder = new FixedGrounder(null), Locator = new FixedLocator(new LocatedElement(box, "Pay", 0.9)) },
        };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([ClickPay]));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal(box, harness.Driver.Actions.Single().Target!.Box);
        Assert.Equal("visual", harness.Sink.Steps[0].ResolvedBy);
    }

    [Fact]
    public async Task A_weak_visual_candidate_is_not_acted_on()
    {
        var harness = new EngineHarness
        {
            Services = new RunEngineServices { Locator = new FixedLocator(new LocatedElement(new BoundingBox(0, 0, 10, 10), "Cancel", 0.2)) },
        };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([ClickPay]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Empty(harness.Driver.Actions);
        Assert.Contains("scored 0.20", result.Reason);
    }

    private sealed class FixedGrounder(ElementTarget? target) : ITargetGrounder
    {
        public Task<GroundingResult> GroundAsync(PlanStep step, UiObservation observation, CancellationToken cancellationToken) =>
            Task.FromResult(new GroundingResult(target, target is null ? 0 : 0.8, target is null ? "no match" : "best match"));
    }

    private sealed class FixedLocator(LocatedElement element) : IElementLocator
    {
        public string Name => "fixed";

        public Task<IReadOnlyList<LocatedElement>> LocateAsync(LocateRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LocatedElement>>([element]);
    }
}
