using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Tests.Fakes;

/// <summary>A planner that answers from a script of decisions, and remembers the contexts it was given.</summary>
public sealed class ScriptedPlanner(params Func<PlanningContext, PlanDecision>[] script) : IPlanner
{
    private int _next;

    public string Name => "scripted";
    public List<PlanningContext> Contexts { get; } = [];

    public Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        Contexts.Add(context);
        var decision = _next < script.Length ? script[_next](context) : PlanDecision.Done("script finished");
        _next++;
        return Task.FromResult(decision);
    }

    public Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlanStep>>([]);
}
