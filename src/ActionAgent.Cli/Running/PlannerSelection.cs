using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The planner for a run or a plan: a language model when <c>--planner</c>/<c>ACTIONAGENT_PLANNER</c> asks for one,
/// else the scenario's explicit steps or the offline planner. An error is bad input (exit code 2).
/// </summary>
internal static class PlannerSelection
{
    public static IPlanner? Choose(Scenario scenario, string? requested, bool onDevice, out string? error,
        PlannerPerception? perception = null, string? skillsFolder = null)
    {
        var planner = LlmPlannerChoice.Create(scenario, requested, onDevice, out error, perception);
        if (planner is not null || error is not null) return planner;
        return PlannerChoice.Create(scenario, out error, skillsFolder);
    }

    /// <summary>The planner backend asked for on the command line or by <c>ACTIONAGENT_PLANNER</c>, if any is valid.</summary>
    public static LlmBackend? Requested(string? requested) =>
        LlmPlannerOptions.RequestedBackend(requested, Environment.GetEnvironmentVariable, out _);
}
