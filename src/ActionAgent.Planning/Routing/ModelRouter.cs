using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Planning.Routing;

/// <summary>
/// The MoE role: sends each role to the cheapest backend that meets the constraints, and names the backend to
/// escalate to when the embedded one is unsure. It only describes; the CLI builds the objects.
/// </summary>
/// <remarks>
/// Policy: constraints first (<c>--on-device</c> allows only embedded backends and servers on loopback), then an
/// explicit <c>--planner</c>, then the preference: with <c>latency</c> (the default) every role starts embedded and
/// escalates to a configured remote backend only on low confidence; with <c>quality</c> the planner and the screen
/// check use the configured remote model directly. A remote model is never required.
/// </remarks>
/// <param name="environment">Reads a model variable: those the composition root's binder bound (<c>AgentOptions.Models</c>).</param>
public sealed class ModelRouter(Func<string, string?> environment)
{
    /// <summary>The table of roles, their backends and why.</summary>
    public IReadOnlyList<RouteDecision> Route(RoutingConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        var remote = ConfiguredRemote(constraints);
        return
        [
            Planner(constraints, remote),
            Embedded(ModelRole.Intent, "SLM / MLM", "embedded: all-MiniLM-L6-v2 sentence embeddings (ONNX, CPU)",
                "fast intent and slot parsing needs no network", constraints, remote, escalateWhen: "a goal matches no known intent well"),
            ScreenCheck(constraints, remote),
            VisualLocator(constraints),
            new(ModelRole.ScreenSimilarity, "LVM", "embedded: perceptual hash / image features", true, "the only backend for this role; runs on CPU"),
            new(ModelRole.Router, "MoE", "rules (this table)", true,
                $"constraints first{(constraints.OnDevice ? " (on-device: local only)" : "")}, then --planner, then prefer {constraints.Prefer.ToString().ToLowerInvariant()}; escalate to remote only when the embedded backend is unsure"),
            new(ModelRole.Lcm, "LCM", "none", true, "no role in UI automation"),
        ];
    }

    /// <summary>The remote (or loopback) model the roles escalate to, as the table shows it; null when none is configured or allowed.</summary>
    public LlmPlannerOptions? EscalationModel(RoutingConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return ConfiguredRemote(constraints).Options;
    }

    /// <summary>The remote (or loopback) LLM the environment configures and the constraints allow, with why not otherwise.</summary>
    private (LlmPlannerOptions? Options, string Note) ConfiguredRemote(RoutingConstraints constraints)
    {
        var explicitlyAsked = constraints.Planner is { } asked && asked != LlmBackend.Offline;
        var candidates = explicitlyAsked
            ? [constraints.Planner!.Value]
            : new[] { LlmBackend.Compatible, LlmBackend.Azure, LlmBackend.OpenAI };
        string? firstError = null;
        foreach (var backend in candidates)
        {
            var options = LlmPlannerOptions.FromEnvironment(backend, environment, out var error);
            if (options is null)
            {
                // Unconfigured backends nobody asked for are not worth a complaint.
                if (explicitlyAsked) firstError ??= error;
                continue;
            }
            if (constraints.OnDevice && !IsLocal(options))
            {
                firstError ??= $"{options.PlannerName} is not on this machine and --on-device allows local backends only";
                continue;
            }
            return (options, "");
        }
        return (null, firstError ?? "no remote model is configured");
    }

    private RouteDecision Planner(RoutingConstraints constraints, (LlmPlannerOptions? Options, string Note) remote)
    {
        const string family = "LLM / LAM";
        const string offline = "offline planner: intents + skills + grounding";
        if (constraints.Planner is { } asked && asked != LlmBackend.Offline)
        {
            return remote.Options is { } chosen
                ? new(ModelRole.Planner, family, chosen.PlannerName, IsLocal(chosen), $"asked for with --planner {asked.ToString().ToLowerInvariant()}")
                : new(ModelRole.Planner, family, offline, true, $"--planner {asked.ToString().ToLowerInvariant()} cannot be used: {remote.Note}");
        }
        if (constraints.Planner == LlmBackend.Offline)
        {
            return new(ModelRole.Planner, family, offline, true, "asked for with --planner offline");
        }
        if (remote.Options is { } options && constraints.Prefer == RoutingPreference.Quality)
        {
            return new(ModelRole.Planner, family, options.PlannerName, IsLocal(options), "prefer quality, and a model is configured", offline);
        }
        return remote.Options is { } escalation
            ? new(ModelRole.Planner, family, offline, true, "embedded first (no key, no network)", escalation.PlannerName)
            : new(ModelRole.Planner, family, offline, true, $"embedded; {remote.Note}");
    }

    private static RouteDecision Embedded(ModelRole role, string family, string backend, string why, RoutingConstraints constraints,
        (LlmPlannerOptions? Options, string Note) remote, string escalateWhen) =>
        remote.Options is { } options
            ? new(role, family, backend, true, $"{why}; escalates when {escalateWhen}", $"{options.PlannerName} (chat)")
            : new(role, family, backend, true, constraints.OnDevice ? $"{why}; on-device" : why);

    private static RouteDecision ScreenCheck(RoutingConstraints constraints, (LlmPlannerOptions? Options, string Note) remote)
    {
        const string embedded = "embedded: OCR (tesseract) + embeddings + screen/DOM change";
        if (remote.Options is { } options && constraints.Prefer == RoutingPreference.Quality)
        {
            return new(ModelRole.ScreenCheck, "VLM / MLLM", $"{options.PlannerName} (vision chat)", IsLocal(options), "prefer quality: a vision-capable chat model reads the screenshot", embedded);
        }
        return Embedded(ModelRole.ScreenCheck, "VLM / MLLM", embedded, "checks run after every step, so they stay local and fast", constraints, remote, "the embedded verdict is unsure");
    }

    private RouteDecision VisualLocator(RoutingConstraints constraints)
    {
        const string embedded = "embedded: OpenCV segmentation + OCR + embeddings";
        var model = environment("ACTIONAGENT_SAM_MODEL");
        if (string.IsNullOrWhiteSpace(model)) return new(ModelRole.VisualLocator, "SAM", embedded, true, "no SAM model file is set (ACTIONAGENT_SAM_MODEL)");
        if (!File.Exists(model)) return new(ModelRole.VisualLocator, "SAM", embedded, true, $"ACTIONAGENT_SAM_MODEL points to a missing file: {model}");
        return constraints.Prefer == RoutingPreference.Quality
            ? new(ModelRole.VisualLocator, "SAM", $"ONNX SAM: {Path.GetFileName(model)}", true, "prefer quality, and a SAM model file is set", embedded)
            : new(ModelRole.VisualLocator, "SAM", embedded, true, "prefer latency: segmentation is faster than SAM", $"ONNX SAM: {Path.GetFileName(model)}");
    }

    /// <summary>Whether a backend runs on this machine: a compatible server (or Azure endpoint) on loopback.</summary>
    public static bool IsLocal(LlmPlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend == LlmBackend.Offline || (options.Endpoint is { } endpoint && endpoint.IsLoopback);
    }
}
