using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Vision.Tests;

/// <summary>Runs explicit steps through the real run engine, recording into a temporary folder.</summary>
internal static class EngineRuns
{
    public static async Task<(RunResult Result, string Folder)> RunAsync(IUiDriver driver, string startUrl, IReadOnlyList<PlanStep> steps, RunEngineServices services)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aa-vision-" + Guid.NewGuid().ToString("N")[..8]);
        var scenario = new Scenario
        {
            Name = "vision-test",
            Goal = "test",
            App = new AppSpec { Browser = new BrowserAppSpec(startUrl) },
            Policy = new RunPolicy { Retries = 0, MaxReplans = 0, StepTimeout = TimeSpan.FromSeconds(5) },
        };
        var engine = new RunEngine(driver, new ExplicitStepsPlanner(steps), new RecordingWriter(folder), services);
        var result = await engine.RunAsync(new RunRequest { Scenario = scenario, StartUrl = startUrl }, CancellationToken.None);
        return (result, folder);
    }

    public static PlanStep Step(ActionKind action, ElementTarget? target, string? value = null, string? expect = null) =>
        new() { Action = action, Target = target, Value = value, Expect = expect };

    public static ElementTarget Role(string role, string name, bool exact = false) => new() { Role = role, Name = name, Exact = exact };
}
