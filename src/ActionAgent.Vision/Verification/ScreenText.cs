using System.Text.RegularExpressions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Vision.Verification;

/// <summary>What an observation says in words: its accessibility tree's phrases, and the alerts in it.</summary>
internal static partial class ScreenText
{
    private static readonly string[] AlertRoles = ["alert", "alertdialog"];

    /// <summary>Words that mark an error or validation message.</summary>
    [GeneratedRegex(@"\b(error|errors|invalid|required|declined|failed|failure|problem|problems|not found|cannot|can't|must be|must not|incorrect|denied|forbidden|unable to)\b", RegexOptions.IgnoreCase)]
    public static partial Regex ErrorWords();

    [GeneratedRegex(@"\b(404|not found|error|forbidden|500)\b", RegexOptions.IgnoreCase)]
    public static partial Regex ErrorPage();

    [GeneratedRegex(@"\s*\[(ref|box)=[^\]]*\]")]
    private static partial Regex Volatile();

    // Focus ([active]) on anything but a field: a click focuses the button or link it lands on whatever the click does,
    // so focus moving there is not an effect (a dead button passed as "changed the page" on it). Focus that lands in a
    // field is: the field is then ready for typing.
    [GeneratedRegex(@"^(\s*- (?!textbox|searchbox|combobox|spinbutton)[^\n]*?) \[active\]", RegexOptions.Multiline)]
    private static partial Regex FocusOutsideFields();

    /// <summary>
    /// The snapshot without refs and boxes, which change on every observation, and without the focus of anything but a
    /// field, which a click moves wherever it lands.
    /// </summary>
    public static string Stable(UiObservation observation) => FocusOutsideFields().Replace(Volatile().Replace(observation.SnapshotText, ""), "$1");

    /// <summary>Each node's own text, distinct, in document order.</summary>
    public static IReadOnlyList<string> Phrases(UiObservation observation) =>
        [.. observation.AllNodes()
            .SelectMany(n => new[] { n.Name, n.Value })
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!.Trim())
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Alert texts (role alert/alertdialog, or error wording in a new line) present after but not before.</summary>
    public static IReadOnlyList<string> NewAlerts(UiObservation before, UiObservation after)
    {
        var old = new HashSet<string>(Alerts(before), StringComparer.Ordinal);
        var oldPhrases = new HashSet<string>(Phrases(before), StringComparer.Ordinal);
        var alerts = Alerts(after).Where(a => !old.Contains(a)).ToList();
        // Inline validation messages are often plain text next to the field: new phrases with error wording.
        alerts.AddRange(Phrases(after).Where(p => !oldPhrases.Contains(p) && p.Length < 200 && ErrorWords().IsMatch(p) && !alerts.Any(a => a.Contains(p, StringComparison.Ordinal))));
        return alerts;
    }

    private static IEnumerable<string> Alerts(UiObservation observation) =>
        observation.AllNodes()
            .Where(n => AlertRoles.Contains(n.Role, StringComparer.OrdinalIgnoreCase))
            .Select(n => n.InnerText().Trim())
            .Where(t => t.Length > 0);
}
