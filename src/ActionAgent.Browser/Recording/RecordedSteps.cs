using ActionAgent.Core.Actions;
using ActionAgent.Core.Recording;

namespace ActionAgent.Browser.Recording;

/// <summary>
/// Turns captured events into recording steps with derived checks. Each event carries the page's state just before
/// it acted, so the state after step N is the one captured with step N+1 (or, for the last step, the state at stop):
/// the URL it led to, what appeared and disappeared, the value typed, the box ticked.
/// </summary>
public static class RecordedSteps
{
    /// <summary>The steps, from 1.</summary>
    public static IReadOnlyList<StepRecord> From(IReadOnlyList<CapturedEvent> events, string finalUrl, IReadOnlyList<string> finalKeys)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(finalKeys);
        var steps = new List<StepRecord>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var next = i + 1 < events.Count ? events[i + 1] : null;
            var afterUrl = next?.Url ?? finalUrl;
            // A goto's "before" keys are empty (nothing was loaded); the next event's keys describe the loaded page.
            var afterKeys = next?.Keys ?? finalKeys;
            var checks = new List<DerivedCheck>();
            if (!string.Equals(CheckDeriver.PathOf(e.Url), CheckDeriver.PathOf(afterUrl), StringComparison.Ordinal) && afterUrl.Length > 0)
            {
                checks.Add(new DerivedCheck("url", CheckDeriver.PathOf(afterUrl)));
            }
            if (e.Action == "fill" && e.SecretName is null && e.Value is not null && e.Target is not null) checks.Add(new DerivedCheck("value", e.Value, e.Target));
            if (e.Action is "check" or "uncheck" && e.Target is not null) checks.Add(new DerivedCheck(e.Action == "check" ? "checked" : "unchecked", "true", e.Target));
            var before = e.Action == "goto" ? new HashSet<string>(StringComparer.Ordinal) : e.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var key in afterKeys.Where(k => !before.Contains(k)).Take(Math.Max(0, 3 - checks.Count)))
            {
                checks.Add(Element("appeared", key));
            }
            foreach (var key in before.Where(k => !afterKeys.Contains(k)).Take(1))
            {
                checks.Add(Element("disappeared", key));
            }
            steps.Add(new StepRecord
            {
                Index = i + 1,
                Action = e.Action,
                Value = e.Value,
                Parameters = e.SecretName is null ? [] : [$"secrets.{e.SecretName}"],
                Target = e.Target,
                ResolvedBy = e.Target is null ? null : FirstLayer(e.Target),
                Outcome = StepOutcome.Succeeded,
                Checks = checks,
                LocationBefore = e.Url,
                LocationAfter = afterUrl,
                Planner = "human (agent record)",
                StartedAt = e.At,
                DurationMs = next is null ? 0 : (long)(next.At - e.At).TotalMilliseconds,
            });
        }
        return steps;
    }

    private static DerivedCheck Element(string kind, string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var role = key[..space];
        var name = key[(space + 2)..^1];
        return new DerivedCheck(kind, key, new ElementTarget { Role = role, Name = name, Exact = true });
    }

    private static string? FirstLayer(ElementTarget t) =>
        t.TestId is not null ? "testid" : t.Role is not null ? "role" : t.Label is not null ? "label" : t.Placeholder is not null ? "placeholder"
        : t.Text is not null ? "text" : t.Css is not null ? "css" : t.XPath is not null ? "xpath" : "box";
}
