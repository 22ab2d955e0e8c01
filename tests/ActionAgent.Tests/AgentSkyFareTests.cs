namespace ActionAgent.Tests;

/// <summary>The public API against the SkyFare demo site, in a real Chromium (one per class).</summary>
public sealed class AgentSkyFareTests(SkyFareAgentFixture fixture) : IClassFixture<SkyFareAgentFixture>
{
    private const string SkyFare = "site:skyfare/?today=2026-11-28";

    [Fact]
    public async Task A_scenario_run_books_the_flight_and_the_screen_check_confirms_the_booking()
    {
        var run = await fixture.Agent.RunScenarioAsync(Repository.File("scenarios", "book-flight.yaml"));

        Assert.True(run.Succeeded, run.Reason);
        Assert.True(File.Exists(Path.Combine(run.RecordingFolder, "recording.json")));
        var seen = await fixture.Agent.ExpectAsync("a confirmation page showing a booking reference");
        Assert.True(seen.Passed);
    }

    [Fact]
    public async Task DoAsync_acts_on_the_current_page_and_ExpectAsync_fails_with_what_it_saw()
    {
        var run = await fixture.Agent.RunAsync("type London into the From field", SkyFare);
        Assert.True(run.Succeeded, run.Reason);

        var more = await fixture.Agent.DoAsync("type Paris into the To field");

        Assert.True(more.Succeeded, more.Reason);
        Assert.Contains("Paris", await fixture.Agent.Page!.InputValueAsync("#to-input"), StringComparison.Ordinal);
        var failure = await Assert.ThrowsAsync<ExpectationFailedException>(() => fixture.Agent.ExpectAsync("a confirmation page with a booking reference"));
        Assert.NotNull(failure.Result);
        Assert.False(failure.Result.Passed);
        Assert.Contains("127.0.0.1", failure.Message, StringComparison.Ordinal); // where it looked
    }

    [Fact]
    public async Task Replaying_the_committed_book_flight_recording_passes_with_no_model()
    {
        var replay = await fixture.Agent.ReplayAsync(Repository.File("recordings", "book-flight"),
            new AgentReplayOptions { ScenarioPath = Repository.File("scenarios", "book-flight.yaml") });

        Assert.True(replay.Passed, replay.Reason);
        Assert.True(replay.StepCount > 5);
        Assert.True(File.Exists(replay.ReportPath));
        Assert.True(File.Exists(replay.JUnitPath));
    }
}
