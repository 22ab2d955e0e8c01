using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Replay;

/// <summary>The replay engine verifies recorded checks through the driver's own event-driven waits when it has them.</summary>
public sealed class ReplayProbeTests
{
    private static readonly ReplayOptions Fast = new() { StepTimeout = TimeSpan.FromMilliseconds(300), FastPathMinimum = TimeSpan.FromMilliseconds(50) };

    private static readonly StepRecord SearchWithChecks = ReplayFixtures.Search with
    {
        Checks =
        [
            new DerivedCheck("url", "/?today=2026-11-28#results"),
            new DerivedCheck("appeared", "heading \"Flights\"", new ElementTarget { Role = "heading", Name = "Flights" }),
            new DerivedCheck("disappeared", "heading \"Where to next?\"", new ElementTarget { Role = "heading", Name = "Where to next?" }),
        ],
    };

    [Fact]
    public async Task Recorded_checks_are_waited_for_through_the_drivers_probe_not_by_observing_the_screen()
    {
        var driver = new ProbingDriver(_ => new ProbeResult(true));

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(ReplayFixtures.Recording(SearchWithChecks), CancellationToken.None);

        Assert.True(result.Passed, result.Reason);
        Assert.Equal([UiConditionKind.Url, UiConditionKind.Visible, UiConditionKind.Hidden], driver.Conditions.Select(c => c.Kind).Order());
        Assert.Equal(0, driver.Inner.Observations);
    }

    [Fact]
    public async Task A_recorded_check_the_probe_does_not_see_hold_fails_the_replay_naming_the_check_and_what_was_seen()
    {
        var driver = new ProbingDriver(c => c.Kind == UiConditionKind.Hidden ? new ProbeResult(false, "closest on the page: heading \"Where to next?\"") : new ProbeResult(true));

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(ReplayFixtures.Recording(SearchWithChecks), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("heading \"Where to next?\" disappeared", result.Reason);
        Assert.Contains("closest on the page", result.Reason);
    }

    [Fact]
    public async Task A_probe_that_throws_fails_the_step_with_what_the_driver_said_instead_of_crashing()
    {
        var driver = new ProbingDriver(_ => throw new InvalidOperationException("Target page, context or browser has been closed"));

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(ReplayFixtures.Recording(SearchWithChecks), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("has been closed", result.Reason);
    }

    /// <summary>A fake driver with an <see cref="IUiStateProbe"/> that answers every condition by a rule.</summary>
    private sealed class ProbingDriver(Func<UiCondition, ProbeResult> answer) : IUiDriver, IUiStateProbe
    {
        private readonly Lock _lock = new();
        private readonly List<UiCondition> _conditions = [];

        public FakeUiDriver Inner { get; } = new() { Location = "http://127.0.0.1:5000/?today=2026-11-28#results" };

        public IReadOnlyList<UiCondition> Conditions
        {
            get
            {
                lock (_lock) return [.. _conditions];
            }
        }

        public string Name => "probing";

        public async Task<ProbeResult> WaitUntilAsync(UiCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
        {
            lock (_lock) _conditions.Add(condition);
            await Task.Yield();
            return answer(condition);
        }

        public Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken) => Inner.ObserveAsync(options, cancellationToken);

        public Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken) => Inner.ExecuteAsync(action, cancellationToken);

        public Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken) => Inner.ScreenshotAsync(masked, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
