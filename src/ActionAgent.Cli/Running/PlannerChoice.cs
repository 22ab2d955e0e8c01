using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Cli.Running;

/// <summary>Chooses the planner for a run: explicit steps when the scenario has them, else a goal planner.</summary>
internal static class PlannerChoice
{
    public static IPlanner? Create(Scenario scenario, out string? error)
    {
        error = null;
        if (scenario.Steps.Count > 0) return new ExplicitStepsPlanner(scenario.Steps);
        error = $"{scenario.SourcePath ?? "the goal"}: the scenario has no steps, and no goal planner is available to make them.";
        return null;
    }
}
