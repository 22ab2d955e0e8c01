using ActionAgent.Core.Actions;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Tests.Replay;

/// <summary>Small recordings for replay tests.</summary>
internal static class ReplayFixtures
{
    public static RecordingDocument Recording(params StepRecord[] steps) => new()
    {
        Header = new RecordingHeader
        {
            Name = "fixture",
            Driver = "fake",
            Planner = "explicit",
            StartUrl = "http://127.0.0.1:5000/?today=2026-11-28",
            Inputs = new Dictionary<string, string> { ["passenger.first_name"] = "Ada" },
            SecretNames = ["card_number"],
            SecretSources = new Dictionary<string, string> { ["card_number"] = "FIXTURE_CARD" },
        },
        Steps = [.. steps],
    };

    public static StepRecord Search => new()
    {
        Index = 1,
        Action = "click",
        RequestedTarget = new ElementTarget { Role = "button", Name = "Search flights" },
        Target = new ElementTarget { Role = "button", Name = "Search flights", Text = "Search flights", Css = "#search-button", XPath = "/html/body/form/button" },
        ResolvedBy = "role",
        Outcome = StepOutcome.Succeeded,
    };

    public static StepRecord FillName => new()
    {
        Index = 2,
        Action = "fill",
        Value = "${inputs.passenger.first_name}",
        Parameters = ["inputs.passenger.first_name"],
        RequestedTarget = new ElementTarget { Label = "First name" },
        Target = new ElementTarget { Role = "textbox", Name = "First name", Label = "First name", Css = "#p1-first" },
        Outcome = StepOutcome.Succeeded,
    };
}
