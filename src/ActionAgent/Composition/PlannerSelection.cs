using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Composition;

/// <summary>
/// The planner for a run or a plan: a language model when <see cref="PlannerSettings.Backend"/> (or
/// <c>ACTIONAGENT_PLANNER</c> among the model variables) asks for one, else the scenario's explicit steps or the
/// offline planner. An error is bad input (exit code 2).
/// </summary>
internal static class PlannerSelection
{
    public static IPlanner? Choose(Scenario scenario, AgentOptions options, out string? error, PlannerPerception? perception = null)
    {
        var planner = LlmPlannerChoice.Create(scenario, options.Planner.Backend, options.Planner.OnDevice, options.Models.Get, out error, perception);
        if (planner is not null || error is not null) return planner;
        return PlannerChoice.Create(scenario, options.Planner.SkillsFolder, out error);
    }

    /// <summary>The planner backend asked for explicitly or by <c>ACTIONAGENT_PLANNER</c>, if any is valid.</summary>
    public static LlmBackend? Requested(AgentOptions options) =>
        LlmPlannerOptions.RequestedBackend(options.Planner.Backend, options.Models.Get, out _);
}
