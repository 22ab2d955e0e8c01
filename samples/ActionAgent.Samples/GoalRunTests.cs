namespace ActionAgent.Samples;

/// <summary>An agent with its own Chromium: a goal run from a scenario, then the screen check as an assertion.</summary>
public sealed class GoalRunTests
{
    [Fact]
    public async Task The_agent_books_the_flight_and_the_screen_shows_a_booking_reference()
    {
        await using var agent = await Agent.CreateAsync(o => o.UseChromium().UseOfflinePlanner().RecordTo(Path.Combine("TestResults", "runs")));

        // site:skyfare in the scenario is served from the demo sites the ActionAgent.Sites package put beside this assembly.
        var run = await agent.RunScenarioAsync(Path.Combine("scenarios", "book-flight.yaml"));

        Assert.True(run.Succeeded, run.Reason);
        await agent.ExpectAsync("a confirmation page showing a booking reference");
    }
}
