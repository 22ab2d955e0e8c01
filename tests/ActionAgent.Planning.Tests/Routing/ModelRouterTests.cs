using ActionAgent.Planning.Routing;
using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Planning.Tests.Routing;

public sealed class ModelRouterTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static RouteDecision PlannerRoute(Func<string, string?> env, RoutingConstraints constraints) =>
        new ModelRouter(env).Route(constraints).Single(r => r.Role == ModelRole.Planner);

    [Fact]
    public void Every_role_of_the_catalog_is_listed_and_LCM_is_unused()
    {
        var table = new ModelRouter(Env()).Route(new RoutingConstraints());

        Assert.Equal(Enum.GetValues<ModelRole>(), table.Select(r => r.Role));
        Assert.Equal("none", table.Single(r => r.Role == ModelRole.Lcm).Backend);
    }

    [Fact]
    public void With_nothing_configured_every_role_is_embedded()
    {
        var table = new ModelRouter(Env()).Route(new RoutingConstraints { Prefer = RoutingPreference.Quality });

        Assert.All(table, r => Assert.True(r.Local));
        Assert.StartsWith("offline", PlannerRoute(Env(), new RoutingConstraints()).Backend, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OpenAI_key_alone_only_adds_an_escalation_target()
    {
        var route = PlannerRoute(Env(("OPENAI_API_KEY", "k")), new RoutingConstraints());

        Assert.Equal(("offline planner: intents + skills + grounding", "openai:gpt-4o"), (route.Backend, route.EscalatesTo));
    }

    [Fact]
    public void Prefer_quality_uses_the_configured_model_for_planning()
    {
        var route = PlannerRoute(Env(("OPENAI_API_KEY", "k"), ("OPENAI_MODEL", "gpt-4.1")), new RoutingConstraints { Prefer = RoutingPreference.Quality });

        Assert.Equal(("openai:gpt-4.1", false), (route.Backend, route.Local));
    }

    [Fact]
    public void On_device_refuses_a_remote_planner_and_says_why()
    {
        var route = PlannerRoute(Env(("OPENAI_API_KEY", "k")), new RoutingConstraints { OnDevice = true, Planner = LlmBackend.OpenAI });

        Assert.True(route.Local);
        Assert.Contains("--on-device allows local backends only", route.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void On_device_accepts_a_compatible_server_on_loopback()
    {
        var env = Env(("ACTIONAGENT_LLM_BASE_URL", "http://127.0.0.1:11434/v1"), ("ACTIONAGENT_LLM_MODEL", "llama3.1"));

        var route = PlannerRoute(env, new RoutingConstraints { OnDevice = true, Planner = LlmBackend.Compatible });

        Assert.Equal(("compatible:llama3.1", true), (route.Backend, route.Local));
    }
}
