using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Secrets;
using ActionAgent.Core.Tests.Fakes;
using ActionAgent.Core.Tests.Replay;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>
/// Core is a library: its engines log through <c>Microsoft.Extensions.Logging</c> (the caller's
/// <see cref="ILoggerFactory"/>, nothing when none is given), never through Serilog or any static logger, and what
/// they log holds no secret even for a caller whose logger masks nothing.
/// </summary>
public sealed class EngineLoggingTests
{
    private const string Card = "4242424242424242";

    private static readonly PlanStep FillCard = new()
    {
        Action = ActionKind.Fill, Target = new ElementTarget { Label = "Card number" }, Value = "${secrets.card}",
    };

    [Fact]
    public void The_core_assembly_does_not_reference_Serilog()
    {
        var references = typeof(RunEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(references, name => name!.StartsWith("Serilog", StringComparison.Ordinal));
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", references);
    }

    [Fact]
    public async Task With_no_logger_factory_the_engines_log_nothing_to_Serilogs_static_logger()
    {
        var events = new List<LogEvent>();
        var previous = Serilog.Log.Logger;
        Serilog.Log.Logger = new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new ListSink(events)).CreateLogger();
        try
        {
            var run = await new EngineHarness().RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Save")]));
            var replay = await new ReplayEngine(new FakeUiDriver()).ReplayAsync(ReplayFixtures.Recording(ReplayFixtures.Search), CancellationToken.None);

            Assert.Equal(RunState.Succeeded, run.FinalState);
            Assert.True(replay.Passed, replay.Reason);
            Assert.Empty(events);
        }
        finally
        {
            Serilog.Log.Logger = previous;
        }
    }

    [Fact]
    public async Task A_run_logs_each_step_through_the_callers_logger_factory_under_the_engines_category_with_its_properties()
    {
        var logs = new CapturingLoggerFactory();
        var harness = new EngineHarness { Services = new RunEngineServices { LoggerFactory = logs } };

        await harness.RunAsync(new ExplicitStepsPlanner([EngineHarness.Click("Save")]));

        var step = Assert.Single(logs.Events, e => e.Template == "Step {Index} {Action} on {Target}");
        Assert.Equal("ActionAgent.Core.Engine.RunEngine", step.Category);
        Assert.Equal(LogLevel.Information, step.Level);
        Assert.Equal(1, step.Properties["Index"]);
        Assert.Equal("click", step.Properties["Action"]);
        Assert.Contains(logs.Events, e => e.Template == "State {From} -> {To} on {Trigger}" && e.Level == LogLevel.Debug);
        Assert.Contains(logs.Events, e => e.Template == "Run {Name} succeeded in {Steps} steps");
    }

    [Fact]
    public async Task A_replay_logs_a_heal_through_the_callers_logger_factory_under_the_replay_category()
    {
        var logs = new CapturingLoggerFactory();
        var driver = new FakeUiDriver().When(a => a.Target?.Role is not null && a.Target.Css is null
            ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "no button \"Search flights\"")
            : a.Kind == ActionKind.WaitFor ? ActionResult.Success(a.Target! with { Name = "Find flights" }, "css") : null);
        var options = new ReplayOptions { StepTimeout = TimeSpan.FromMilliseconds(300), FastPathMinimum = TimeSpan.FromMilliseconds(50), LoggerFactory = logs };

        var result = await new ReplayEngine(driver, options).ReplayAsync(ReplayFixtures.Recording(ReplayFixtures.Search), CancellationToken.None);

        Assert.True(result.Passed, result.Reason);
        var heal = Assert.Single(logs.Events, e => e.Template == "Replay {Step}: {Broken} no longer matches; found by {Found}");
        Assert.Equal("ActionAgent.Core.Replay.ReplayEngine", heal.Category);
        Assert.Equal(LogLevel.Warning, heal.Level);
        Assert.Equal("role button \"Search flights\"", heal.Properties["Broken"]);
    }

    [Fact]
    public async Task A_secret_the_driver_echoes_in_a_failure_or_an_exception_reaches_no_log_event()
    {
        var failing = new CapturingLoggerFactory();
        var failed = new EngineHarness { Secrets = new Dictionary<string, string> { ["card"] = Card }, Services = new RunEngineServices { LoggerFactory = failing } };
        failed.Driver.When(a => ActionResult.Failure(ActionFailureKind.NotActionable, $"could not type {a.Value}"));
        var throwing = new CapturingLoggerFactory();
        var threw = new EngineHarness { Secrets = new Dictionary<string, string> { ["card"] = Card }, Services = new RunEngineServices { LoggerFactory = throwing } };
        threw.Driver.When(a => throw new IOException($"the browser closed while typing {a.Value}"));

        await failed.RunAsync(new ExplicitStepsPlanner([FillCard]));
        await threw.RunAsync(new ExplicitStepsPlanner([FillCard]));

        Assert.Contains(failing.Events, e => e.Template == "Step {Index} failed: {Error}" && e.AllText.Contains(SecretVault.MaskText, StringComparison.Ordinal));
        var thrown = Assert.Single(throwing.Events, e => e.Exception is not null);
        Assert.Contains("the browser closed while typing " + SecretVault.MaskText, thrown.Exception!.ToString(), StringComparison.Ordinal);
        Assert.All(failing.Events.Concat(throwing.Events), e => Assert.DoesNotContain("4242", e.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_a_replays_driver_echoes_in_an_exception_reaches_no_log_event()
    {
        var logs = new CapturingLoggerFactory();
        var driver = new FakeUiDriver().When(a => a.Kind == ActionKind.Fill ? throw new IOException($"the app closed while typing {a.Value}") : null);
        var step = ReplayFixtures.FillName with { Value = "${secrets.card_number}" };
        var options = new ReplayOptions
        {
            StepTimeout = TimeSpan.FromMilliseconds(300), FastPathMinimum = TimeSpan.FromMilliseconds(50), LoggerFactory = logs,
            Secrets = new SecretVault(new Dictionary<string, string> { ["card_number"] = Card }),
        };

        var result = await new ReplayEngine(driver, options).ReplayAsync(ReplayFixtures.Recording(step), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains(logs.Events, e => e.Exception is not null);
        Assert.All(logs.Events, e => Assert.DoesNotContain("4242", e.AllText, StringComparison.Ordinal));
    }

    private sealed class ListSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            lock (events) events.Add(logEvent);
        }
    }
}
