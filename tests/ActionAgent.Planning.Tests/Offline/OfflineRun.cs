using ActionAgent.Browser;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using Microsoft.Extensions.Time.Testing;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>Runs a goal through the real engine with the offline planner and the accessibility grounder.</summary>
public static class OfflineRun
{
    /// <summary>Saturday 28 November 2026, the day the demo sites are pinned to with ?today=.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static async Task<(RunResult Result, MemoryRecordingSink Sink)> RunAsync(PlaywrightDriver driver, string goal, string startUrl,
        IReadOnlyDictionary<string, string>? inputs = null, IReadOnlyDictionary<string, string>? secrets = null,
        IReadOnlyList<Expectation>? expect = null, int maxSteps = 80, ActionAgent.Core.Ports.IGoalInterpreter? interpreter = null)
    {
        var planner = new OfflinePlanner(MiniLmEmbedder.Shared, new OfflinePlannerOptions { Time = new FakeTimeProvider(Today) });
        var sink = new MemoryRecordingSink();
        var engine = new RunEngine(driver, planner, sink, new RunEngineServices
        {
            Grounder = new AccessibilityGrounder(MiniLmEmbedder.Shared),
            Approvals = new ApproveAll(),
            Interpreter = interpreter,
        });
        secrets ??= new Dictionary<string, string>();
        var scenario = new Scenario
        {
            Name = "offline-test",
            Goal = goal,
            App = new AppSpec { Browser = new BrowserAppSpec(startUrl) },
            Inputs = inputs ?? new Dictionary<string, string>(),
            Secrets = secrets.ToDictionary(p => p.Key, p => new SecretSource("UNUSED_" + p.Key.ToUpperInvariant())),
            Policy = new RunPolicy { MaxSteps = maxSteps, Timeout = TimeSpan.FromMinutes(5), StepTimeout = TimeSpan.FromSeconds(8), AllowDomains = ["127.0.0.1"] },
            Expect = expect ?? [],
        };
        var result = await engine.RunAsync(new RunRequest { Scenario = scenario, Secrets = new SecretVault(secrets), StartUrl = startUrl }, CancellationToken.None);
        return (result, sink);
    }

    private sealed class ApproveAll : ActionAgent.Core.Ports.IApprovalGate
    {
        public Task<bool> ApproveAsync(ActionAgent.Core.Actions.PlanStep step, string reason, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
