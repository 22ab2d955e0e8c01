using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The planner for a run or a plan: a language model when <c>--planner</c>/<c>ACTIONAGENT_PLANNER</c> asks for one,
/// else the scenario's explicit steps or the offline planner. An error is bad input (exit code 2).
/// </summary>
internal static class PlannerSelection
{
    public static IPlanner? Choose(Scenario scenario, string? requested, bool onDevice, out string? error)
    {
        var planner = LlmPlannerChoice.Create(scenario, requested, onDevice, out error);
        if (planner is not null || error is not null) return planner;
        return PlannerChoice.Create(scenario, out error);
    }
}
