namespace ActionAgent.Cli.Tests;

/// <summary>`agent plan`: the plan without acting, from the words alone or grounded on the start page.</summary>
public sealed class PlanCommandTests
{
    [Fact]
    public async Task Plan_of_the_goal_only_scenario_lists_the_semantic_steps_without_a_browser()
    {
        var result = await AgentProcess.RunAsync(["plan", "scenarios/book-flight.yaml"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("planner offline · from the words alone", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("London", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("cheapest", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_with_start_grounds_each_step_on_the_page_and_acts_on_nothing()
    {
        var result = await AgentProcess.RunAsync(
            ["plan", "--goal", "type Ada into the name field and check \"I agree to the terms\", then click Submit", "--start", "site:commands/labels.html"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("grounded on http://127.0.0.1:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("textbox \"Name\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("checkbox \"I agree to the terms\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("button \"Submit\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_goal_no_skill_or_command_fits_fails_with_the_planners_reason()
    {
        var result = await AgentProcess.RunAsync(["plan", "--goal", "make me a sandwich with extra pickles"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error:", result.Stderr, StringComparison.Ordinal);
    }
}
