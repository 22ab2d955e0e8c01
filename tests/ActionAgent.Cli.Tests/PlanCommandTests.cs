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
    public async Task Plan_of_a_plain_goal_no_skill_covers_shows_each_sub_goal_and_the_evidence_it_needs()
    {
        var result = await AgentProcess.RunAsync(["plan", "--goal", "Choose next day shipping and continue"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("read as these sub-goals", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"1\s+Choose\s+next day shipping", result.Stdout);
        Assert.Matches(@"2\s+Submit\s+continue\s+Navigated", result.Stdout);
        Assert.DoesNotContain("error:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_goal_with_no_action_in_it_fails_with_the_planners_reason()
    {
        var result = await AgentProcess.RunAsync(["plan", "--goal", "hello"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: the offline planner found no clear action in this goal", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("words it could not place: hello", result.Stdout, StringComparison.Ordinal);
    }
}
