using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>Builds an engine over fakes, with a scenario a test shapes.</summary>
internal sealed class EngineHarness
{
    public FakeUiDriver Driver { get; } = new();
    public MemoryRecordingSink Sink { get; } = new();
    public List<(RunState From, RunState To)> Transitions { get; } = [];
    public RunPolicy Policy { get; set; } = new() { Retries = 0, MaxReplans = 1 };
    public IReadOnlyList<Expectation> Expect { get; set; } = [];
    public IReadOnlyDictionary<string, string> Secrets { get; set; } = new Dictionary<string, string>();
    public RunEngineServices Services { get; set; } = new();
    public IReadOnlyList<PlanStep> Steps { get; set; } = [];
    public string Goal { get; set; } = "do the thing";
    public IReadOnlyDictionary<string, string> Inputs { get; set; } = new Dictionary<string, string> { ["user.name"] = "Ada" };

    public static PlanStep Click(string name, params string[] tags) =>
        new() { Action = ActionKind.Click, Target = new ElementTarget { Role = "button", Name = name }, Tags = tags };

    public Task<RunResult> RunAsync(IPlanner planner, CancellationToken cancellationToken = default, string? startUrl = null)
    {
        var scenario = new Scenario
        {
            Name = "test",
            Goal = Goal,
            App = new AppSpec { Browser = new BrowserAppSpec("http://app.test/") },
            Policy = Policy,
            Expect = Expect,
            Steps = Steps,
            Inputs = Inputs,
            Secrets = Secrets.ToDictionary(p => p.Key, p => new SecretSource("ENV_" + p.Key)),
        };
        var services = Services with { Progress = new RecordingProgress(Transitions) };
        var engine = new RunEngine(Driver, planner, Sink, services);
        return engine.RunAsync(new RunRequest { Scenario = scenario, Secrets = new SecretVault(Secrets), StartUrl = startUrl }, cancellationToken);
    }

    private sealed class RecordingProgress(List<(RunState, RunState)> transitions) : IRunProgress
    {
        public void StateChanged(RunState from, RunState to, string trigger) => transitions.Add((from, to));
        public void StepStarted(int index, PlanStep step) { }
        public void StepFinished(Recording.StepRecord record) { }
    }
}
