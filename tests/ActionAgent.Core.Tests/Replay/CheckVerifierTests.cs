using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Tests.Replay;

public sealed class CheckVerifierTests
{
    private static readonly DerivedCheck Appeared = new("appeared", "link \"Book\"", new ElementTarget { Role = "link", Name = "Book" });
    private static readonly DerivedCheck Gone = new("disappeared", "heading \"Cookies\"", new ElementTarget { Role = "heading", Name = "Cookies" });
    private static readonly DerivedCheck AtHome = new("url", "/home");

    [Fact]
    public async Task A_steps_checks_are_awaited_together_and_reported_in_their_recorded_order()
    {
        // The url check holds only once the other two are both waiting: one after the other, it would never hold.
        var probe = new GatedProbe(waitingFor: 2);

        var results = await new CheckVerifier(probe, TimeProvider.System).VerifyAsync([AtHome, Appeared, Gone], null, null, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(["url is /home", "link \"Book\" appeared", "heading \"Cookies\" disappeared"], results.Select(r => r.Check));
        Assert.All(results, r => Assert.True(r.Passed, r.Detail));
    }

    [Fact]
    public async Task A_check_that_does_not_hold_is_reported_with_what_was_seen_while_the_others_pass()
    {
        var probe = new GatedProbe(waitingFor: 0) { Refuse = UiConditionKind.Hidden };

        var results = await new CheckVerifier(probe, TimeProvider.System).VerifyAsync([Appeared, Gone], null, null, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(results[0].Passed);
        Assert.False(results[1].Passed);
        Assert.Equal("still there", results[1].Detail);
    }

    /// <summary>A driver whose url condition holds only once <c>waitingFor</c> other conditions are being waited on.</summary>
    private sealed class GatedProbe(int waitingFor) : IUiDriver, IUiStateProbe
    {
        private readonly TaskCompletionSource _others = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public UiConditionKind? Refuse { get; init; }

        public string Name => "gated";

        public async Task<ProbeResult> WaitUntilAsync(UiCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (condition.Kind == UiConditionKind.Url)
            {
                if (waitingFor > 0) await _others.Task.WaitAsync(cancellationToken);
                return new ProbeResult(true);
            }
            if (Interlocked.Increment(ref _waiting) == waitingFor) _others.TrySetResult();
            await Task.Yield();
            return condition.Kind == Refuse ? new ProbeResult(false, "still there") : new ProbeResult(true);
        }

        public Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken) =>
            Task.FromResult(new UiObservation { Location = "http://app.test/home" });

        public Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken) => Task.FromResult(ActionResult.Success());

        public Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken) => Task.FromResult(Array.Empty<byte>());

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
