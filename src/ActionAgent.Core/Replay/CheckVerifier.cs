using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>
/// Verifies a step's recorded checks after it acted. These are replay's sync points: the next step starts only once
/// the page is where the recording says it was. Through the driver's <see cref="IUiStateProbe"/> (given apart from the
/// driver, since the engine's guard around the driver is no probe itself) the waits are event-driven; a driver
/// without one is polled through observations.
/// </summary>
internal sealed class CheckVerifier(IUiDriver driver, IUiStateProbe? stateProbe, TimeProvider time)
{
    /// <summary>A verifier over a driver that is its own probe, or has none.</summary>
    public CheckVerifier(IUiDriver driver, TimeProvider time) : this(driver, driver as IUiStateProbe, time)
    {
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyList<CheckResult>> VerifyAsync(IReadOnlyList<DerivedCheck> checks, ElementTarget? actedOn, string? expectedValue,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (stateProbe is not null && checks.Count > 1)
        {
            // Every check must hold after the step acted, whatever the order, and each is an event-driven wait in the
            // page: they are awaited together, each for the step's whole time, so a step's checks cost the slowest one
            // instead of their sum (the first step's four took 0.8 s one after the other on a quiet machine).
            return await Task.WhenAll(checks.Select(check => VerifyOneAsync(check, actedOn, expectedValue, timeout, cancellationToken))).ConfigureAwait(false);
        }
        var results = new List<CheckResult>(checks.Count);
        var start = time.GetTimestamp();
        foreach (var check in checks)
        {
            var remaining = timeout - time.GetElapsedTime(start);
            if (remaining < TimeSpan.FromMilliseconds(200)) remaining = TimeSpan.FromMilliseconds(200);
            results.Add(await VerifyOneAsync(check, actedOn, expectedValue, remaining, cancellationToken).ConfigureAwait(false));
        }
        return results;
    }

    public static string Describe(DerivedCheck check) => check.Kind switch
    {
        "url" => $"url is {check.Expected}",
        "appeared" => $"{check.Expected} appeared",
        "disappeared" => $"{check.Expected} disappeared",
        "value" => $"value is \"{check.Expected}\"",
        "checked" => "checked",
        "unchecked" => "unchecked",
        "text" => $"text \"{check.Expected}\" visible",
        _ => $"{check.Kind} {check.Expected}",
    };

    public async Task<CheckResult> VerifyOneAsync(DerivedCheck check, ElementTarget? actedOn, string? expectedValue, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var expected = check.Kind == "value" && expectedValue is not null ? expectedValue : check.Expected;
        var described = Describe(check with { Expected = expected });
        var target = (check.Kind is "value" or "checked" or "unchecked" ? actedOn ?? check.Target : check.Target) is { } t ? t with { Ref = null } : null;
        UiCondition? condition = check.Kind switch
        {
            "url" => new UiCondition(UiConditionKind.Url, UrlMatches: url => ReplayUrls.Matches(expected, url)),
            "appeared" when target is not null => new UiCondition(UiConditionKind.Visible, target),
            "disappeared" when target is not null => new UiCondition(UiConditionKind.Hidden, target),
            "value" when target is not null => new UiCondition(UiConditionKind.Value, target, expected),
            "checked" when target is not null => new UiCondition(UiConditionKind.Checked, target),
            "unchecked" when target is not null => new UiCondition(UiConditionKind.Unchecked, target),
            "text" => new UiCondition(UiConditionKind.TextVisible, Expected: expected),
            _ => null,
        };
        if (condition is null) return new CheckResult(described, true, "not checked: the check has no target");
        if (stateProbe is { } probe)
        {
            var result = await probe.WaitUntilAsync(condition, timeout, cancellationToken).ConfigureAwait(false);
            return new CheckResult(described, result.Holds, result.Holds ? null : result.Seen);
        }
        return await PollAsync(condition, described, timeout, cancellationToken).ConfigureAwait(false);
    }

    // For drivers without a probe: observe until the condition holds (value and checked states are not observable).
    private async Task<CheckResult> PollAsync(UiCondition condition, string described, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (condition.Kind is UiConditionKind.Value or UiConditionKind.Checked or UiConditionKind.Unchecked)
        {
            return new CheckResult(described, true, $"not checked: the {driver.Name} driver cannot read field states");
        }
        var start = time.GetTimestamp();
        while (true)
        {
            var observation = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, cancellationToken).ConfigureAwait(false);
            if (Holds(condition, observation)) return new CheckResult(described, true, null);
            if (time.GetElapsedTime(start) >= timeout)
            {
                return new CheckResult(described, false, condition.Kind == UiConditionKind.Url ? $"the page is at {observation.Location}" : $"on \"{observation.Title}\"");
            }
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Holds(UiCondition condition, UiObservation observation)
    {
        bool Visible(ElementTarget t) => observation.AllNodes().Any(n =>
            string.Equals(n.Role, t.Role, StringComparison.OrdinalIgnoreCase) && (t.Name is null || string.Equals(n.Name, t.Name, StringComparison.Ordinal)));
        return condition.Kind switch
        {
            UiConditionKind.Url => condition.UrlMatches?.Invoke(observation.Location) ?? true,
            UiConditionKind.Visible => Visible(condition.Target!),
            UiConditionKind.Hidden => !Visible(condition.Target!),
            UiConditionKind.TextVisible => observation.SnapshotText.Contains(condition.Expected ?? "", StringComparison.Ordinal),
            _ => true,
        };
    }
}
