using System.Diagnostics;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>
/// Replay's checks, waited for by the driver's probe in real Chromium: a wait is sent in windows shorter than its
/// timeout (so that Playwright keeps looking often), and it still lasts the whole timeout.
/// </summary>
[Collection("browser")]
public sealed class ProbeWaitTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Checks_that_hold_only_after_the_first_window_are_still_seen_to_hold()
    {
        // The page answers 2.6 s after it loads: past the first window of each wait.
        await fixture.OpenAsync("answer.html?after=2600");
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(
            Wait(new UiCondition(UiConditionKind.Visible, new ElementTarget { Role = "heading", Name = "Results" })),
            Wait(new UiCondition(UiConditionKind.Hidden, new ElementTarget { Role = "heading", Name = "Search" })),
            Wait(new UiCondition(UiConditionKind.TextVisible, Expected: "3 flights found")),
            Wait(new UiCondition(UiConditionKind.Value, new ElementTarget { Role = "textbox", Name = "Query" }, "answered")));

        Assert.All(results, r => Assert.True(r.Holds, r.Seen));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.4), $"the checks held after {clock.Elapsed}, before the page answered");
    }

    [Fact]
    public async Task A_check_that_never_holds_waits_its_whole_time_and_says_what_it_saw()
    {
        await fixture.OpenAsync("answer.html?after=0");
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(
            Wait(new UiCondition(UiConditionKind.Visible, new ElementTarget { Role = "heading", Name = "Resul", Exact = true })),
            Wait(new UiCondition(UiConditionKind.Value, new ElementTarget { Role = "textbox", Name = "Query" }, "asking")));

        Assert.False(results[0].Holds);
        Assert.Contains("heading \"Results\"", results[0].Seen);
        Assert.False(results[1].Holds);
        Assert.Contains("answered", results[1].Seen);
        Assert.True(clock.Elapsed >= Timeout * 0.9, $"the checks gave up after {clock.Elapsed}, not after their {Timeout}");
    }

    private Task<ProbeResult> Wait(UiCondition condition) => fixture.Driver.WaitUntilAsync(condition, Timeout, CancellationToken.None);
}
