using ActionAgent.Testing;
using Xunit.Abstractions;

namespace ActionAgent.Samples;

/// <summary>Committed recordings as test cases, one Chromium for the class, a fresh context per case (ActionAgent.Testing).</summary>
public sealed class ReplayTests(AgentFixture fixture, ITestOutputHelper output) : IClassFixture<AgentFixture>
{
    [Theory]
    [ReplayData("recordings", Scenario = "scenarios/book-flight.yaml")]
    public async Task A_committed_recording_still_replays(ReplayCase replay)
    {
        await using var test = await fixture.StartTestAsync(output, replay.Name);

        var result = await test.AssertReplayPassesAsync(replay);

        Assert.Equal(0, result.HealCount);
    }
}
