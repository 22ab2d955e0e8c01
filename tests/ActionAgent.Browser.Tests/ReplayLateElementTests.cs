using ActionAgent.Core.Actions;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Browser.Tests;

/// <summary>Replay, through <see cref="ReplayEngine"/> and real Chromium, of a step whose element is drawn late.</summary>
[Collection("browser")]
public sealed class ReplayLateElementTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Replay_waits_for_a_late_element_through_its_recorded_role_and_does_not_heal_by_its_box()
    {
        // The button is drawn 7 s after the page loads; the fast path (0.5 s) runs out long before. The step has 10 s:
        // the recorded role finds the button when it is drawn, and the recorded box (where it will be drawn) is not
        // clicked while nothing is there yet (before, the probe took the box after half the step's time, ~5.3 s).
        var recording = new RecordingDocument
        {
            Header = new RecordingHeader { Name = "late", Driver = "browser", Planner = "explicit" },
            Steps =
            [
                new StepRecord { Index = 1, Action = "goto", Value = fixture.Site.Url("late.html?after=7000"), Outcome = StepOutcome.Succeeded },
                new StepRecord
                {
                    Index = 2,
                    Action = "click",
                    RequestedTarget = new ElementTarget { Role = "button", Name = "Go", Exact = true },
                    Target = new ElementTarget { Role = "button", Name = "Go", Text = "Go", Css = "#go", Box = new BoundingBox(100, 100, 120, 40) },
                    ResolvedBy = "role",
                    Checks = [new DerivedCheck("text", "went")],
                    Outcome = StepOutcome.Succeeded,
                },
            ],
        };
        var options = new ReplayOptions { StepTimeout = TimeSpan.FromSeconds(10), FastPathMinimum = TimeSpan.FromMilliseconds(500), Screenshots = ReplayScreenshots.None };

        var result = await new ReplayEngine(fixture.Driver, options).ReplayAsync(recording, CancellationToken.None);

        Assert.True(result.Passed, result.Reason);
        var click = result.Steps[1];
        Assert.True(click.ResolvedBy == "role", System.Text.Json.JsonSerializer.Serialize(click));
        Assert.Null(click.Heal);
        Assert.Equal(0, result.HealCount);
    }
}
