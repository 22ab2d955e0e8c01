using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Planning.Routing;
using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Composition;

/// <summary>
/// Chooses the Semantic Kernel planner when <c>--planner openai|azure|compatible</c> (or <c>ACTIONAGENT_PLANNER</c>)
/// asks for it. Returns null with no error when no language model is asked for, so the offline choice applies.
/// A scenario with explicit steps keeps them unless the planner is asked for explicitly.
/// </summary>
internal static class LlmPlannerChoice
{
    // environment: the model variables, bound once by AgentConfiguration.
    public static IPlanner? Create(Scenario scenario, string? requested, bool onDevice, Func<string, string?> environment, out string? error,
        PlannerPerception? perception = null)
    {
        var backend = LlmPlannerOptions.RequestedBackend(requested, environment, out error);
        if (backend is null or LlmBackend.Offline) return null;
        if (scenario.Steps.Count > 0 && string.IsNullOrWhiteSpace(requested)) return null;
        var options = LlmPlannerOptions.FromEnvironment(backend.Value, environment, out error);
        if (options is null) return null;
        if (onDevice && !ModelRouter.IsLocal(options))
        {
            error = $"--on-device allows local backends only, and {options.PlannerName} is remote. Use --planner offline, or a compatible server on loopback (ACTIONAGENT_LLM_BASE_URL=http://127.0.0.1:11434/v1).";
            return null;
        }
        return SemanticKernelPlanner.Create(options, perception);
    }
}
