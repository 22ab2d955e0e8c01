using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Planning.Tests.SemanticKernel;

public sealed class LlmPlannerOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData(LlmBackend.OpenAI, "OPENAI_API_KEY")]
    [InlineData(LlmBackend.Azure, "AZURE_OPENAI_ENDPOINT")]
    [InlineData(LlmBackend.Compatible, "ACTIONAGENT_LLM_BASE_URL")]
    public void A_backend_that_is_not_configured_names_the_missing_variable(LlmBackend backend, string variable)
    {
        var options = LlmPlannerOptions.FromEnvironment(backend, Env(), out var error);

        Assert.Null(options);
        Assert.Contains(variable, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_names_the_deployment_when_only_it_is_missing()
    {
        LlmPlannerOptions.FromEnvironment(LlmBackend.Azure, Env(("AZURE_OPENAI_ENDPOINT", "https://x.openai.azure.com"), ("AZURE_OPENAI_API_KEY", "k")), out var error);

        Assert.Contains("AZURE_OPENAI_DEPLOYMENT", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compatible_server_needs_no_key()
    {
        var options = LlmPlannerOptions.FromEnvironment(LlmBackend.Compatible,
            Env(("ACTIONAGENT_LLM_BASE_URL", "http://localhost:11434/v1"), ("ACTIONAGENT_LLM_MODEL", "llama3.1")), out _);

        Assert.Equal(("compatible:llama3.1", "http://localhost:11434/v1"), (options!.PlannerName, options.Endpoint!.ToString()));
    }

    [Fact]
    public void The_planner_option_wins_over_the_environment_and_a_bad_name_is_an_error()
    {
        var env = Env(("ACTIONAGENT_PLANNER", "azure"));

        Assert.Equal(LlmBackend.Compatible, LlmPlannerOptions.RequestedBackend("compatible", env, out _));
        Assert.Equal(LlmBackend.Azure, LlmPlannerOptions.RequestedBackend(null, env, out _));
        Assert.Null(LlmPlannerOptions.RequestedBackend("gpt", env, out var error));
        Assert.Contains("use offline, openai, azure or compatible", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_has_no_price_and_a_local_one_is_free()
    {
        Assert.Null(new LlmPlannerOptions { Backend = LlmBackend.OpenAI, Model = "gpt-9" }.PriceFor());
        Assert.Equal(new ModelPrice(0, 0), new LlmPlannerOptions { Backend = LlmBackend.Compatible, Model = "llama3.1" }.PriceFor());
    }
}
