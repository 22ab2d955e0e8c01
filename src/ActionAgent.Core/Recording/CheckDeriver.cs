using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Recording;

/// <summary>
/// Derives, from the observations before and after a step, the checks a replay can verify without a model:
/// the URL it led to, elements that appeared or disappeared, the value a field took, text that became visible.
/// </summary>
public static class CheckDeriver
{
    private static readonly HashSet<string> MeaningfulRoles = new(StringComparer.Ordinal)
    {
        "heading", "button", "link", "dialog", "alert", "alertdialog", "textbox", "combobox", "checkbox", "radio",
        "listbox", "option", "tab", "table", "status",
    };

    /// <summary>The checks for a step, at most <paramref name="max"/>, most telling first.</summary>
    public static IReadOnlyList<DerivedCheck> Derive(PlanStep step, UiObservation before, UiObservation after,
        ElementTarget? resolved, string? recordedValue, int max = 4)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var checks = new List<DerivedCheck>();
        if (!string.Equals(PathOf(before.Location), PathOf(after.Location), StringComparison.Ordinal))
        {
            checks.Add(new DerivedCheck("url", PathOf(after.Location)));
        }

        if (step.Action is ActionKind.Fill or ActionKind.Type && recordedValue is not null && resolved is not null)
        {
            checks.Add(new DerivedCheck("value", recordedValue, resolved));
        }
        else if (step.Action is ActionKind.Check or ActionKind.Uncheck && resolved is not null)
        {
            checks.Add(new DerivedCheck(step.Action == ActionKind.Check ? "checked" : "unchecked", "true", resolved));
        }

        var beforeKeys = Keys(before);
        var afterKeys = Keys(after);
        foreach (var key in afterKeys.Where(k => !beforeKeys.Contains(k)).Take(Math.Max(0, max - checks.Count)))
        {
            var (role, name) = Split(key);
            checks.Add(new DerivedCheck("appeared", key, new ElementTarget { Role = role, Name = name, Exact = true }));
        }
        if (checks.Count < max)
        {
            foreach (var key in beforeKeys.Where(k => !afterKeys.Contains(k)).Take(1))
            {
                var (role, name) = Split(key);
                checks.Add(new DerivedCheck("disappeared", key, new ElementTarget { Role = role, Name = name, Exact = true }));
            }
        }
        return checks;
    }

    /// <summary>The path and query of a URL, or the text itself when it is not a URL.</summary>
    public static string PathOf(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri.PathAndQuery + uri.Fragment
            : location;

    private static List<string> Keys(UiObservation observation) =>
        [.. observation.AllNodes()
            .Where(n => MeaningfulRoles.Contains(n.Role) && n.Name.Length is > 0 and < 80)
            .Select(n => $"{n.Role} \"{n.Name}\"")
            .Distinct(StringComparer.Ordinal)];

    private static (string Role, string Name) Split(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return (key[..space], key[(space + 2)..^1]);
    }
}
