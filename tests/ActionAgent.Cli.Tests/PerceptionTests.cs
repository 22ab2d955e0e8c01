using ActionAgent.Composition;

namespace ActionAgent.Cli.Tests;

/// <summary>How a run's perception roles are composed: embedded by default, escalation only to a chosen remote planner.</summary>
public sealed class PerceptionTests
{
    [Fact]
    public void By_default_the_checks_are_embedded_and_the_planner_tools_are_all_served()
    {
        var perception = Perception.Create(new AgentOptions());

        Assert.NotNull(perception.Vision);
        Assert.Null(perception.EscalatesTo);
        Assert.NotNull(perception.ForPlanner.Locator);
        Assert.NotNull(perception.ForPlanner.Verifier);
        Assert.NotNull(perception.ForPlanner.Intents);
    }

    [Fact]
    public void The_screen_check_escalates_to_the_remote_planner_the_user_chose()
    {
        // A loopback "compatible" server: what --planner compatible with ACTIONAGENT_LLM_BASE_URL would use, bound once
        // into the options (no process variable is set or read).
        var environment = new Dictionary<string, string> { ["ACTIONAGENT_LLM_BASE_URL"] = "http://127.0.0.1:9/v1", ["ACTIONAGENT_LLM_MODEL"] = "vision-test" };
        var chosenOptions = AgentConfiguration.FromEnvironment(name => environment.GetValueOrDefault(name));
        chosenOptions.UseLanguageModelPlanner("compatible");
        chosenOptions.Planner.OnDevice = true;
        var notChosenOptions = AgentConfiguration.FromEnvironment(name => environment.GetValueOrDefault(name));

        var chosen = Perception.Create(chosenOptions);
        var notChosen = Perception.Create(notChosenOptions);

        Assert.Equal("compatible:vision-test", chosen.EscalatesTo);
        Assert.Null(notChosen.EscalatesTo);
    }

    [Fact]
    public void No_vision_leaves_the_engine_without_checks_and_the_planner_without_vision_tools()
    {
        var perception = Perception.Create(new AgentOptions().WithoutVision());

        Assert.Null(perception.Vision);
        Assert.Null(perception.ForPlanner.Locator);
        Assert.NotNull(perception.ForPlanner.Intents);
    }
}
