using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// Messages a page answers with when it refused what was done: "The passwords do not match.", "Enter both dates.",
// "Use at least 8 characters.", "That did not match our records. Try again." A message like that is never the
// effect of a step, and one still showing when the planner says it is done means the goal was not reached.
public static partial class EffectEvaluator
{
    private static readonly HashSet<string> MessageRoles = new(StringComparer.Ordinal) { "alert", "status", "text", "paragraph", "note", "log", "strong", "emphasis" };

    [GeneratedRegex(@"\b(?:invalid|unknown|incorrect|wrong|errors?|failed|failure|not recogni[sz]ed|(?:is|are) required|required field|please (?:enter|give|fill|select|accept|agree|check|try|choose|provide|pick|use|add|type|confirm|correct)|(?:do|does|did) not match|(?:don't|doesn't|didn't) match|must (?:be|contain|have|include|match|accept|agree|choose|select|enter)|too (?:short|long|many|few|weak)|at least \d+|not (?:valid|allowed|found|permitted)|try again|could not|couldn't|cannot|can't|unable to|missing|already (?:taken|in use|exists|registered)|denied|declined|expired)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWords();

    // A short sentence that asks the user to do something first: "Enter both dates.", "Choose a size."
    [GeneratedRegex(@"^\s*(?:please\s+)?(?:enter|choose|select|fill in|fill|pick|provide|add|use|type|accept|agree to|tick|check|confirm|give)\s+(?:a|an|the|both|your|all|at least|one|valid|some)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RequestFirst();

    /// <summary>
    /// Whether a sentence reads as the page refusing what was done. A request that goes on to say what the page will
    /// then do ("Fill in the form and we will reply within a day.") is the next page's instruction, not a refusal.
    /// </summary>
    public static bool LooksLikeError(string text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length < 200 &&
        (ErrorWords().IsMatch(text) || RequestFirst().IsMatch(text) && Words(text).Count <= 12 && !PromisePattern().IsMatch(text));

    // "… and we will reply", "we'll get back to you": the page says what it does next.
    [GeneratedRegex(@"\bwe(?:\s+will|'ll|’ll)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PromisePattern();

    // A short answer that thanks or confirms ("Thank you!", "Sent.", "All set"): too short for the length rule, still the page's answer.
    [GeneratedRegex(@"^\W*(?:thank\s+you|thanks|all\s+set|sent|saved|submitted|received|done|success(?:ful(?:ly)?)?|got\s+it)\b[^.?]{0,40}[.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ThanksPattern();

    /// <summary>The page's short messages: alerts, status lines, paragraphs and the text of regions and groups.</summary>
    private static IEnumerable<string> Messages(UiObservation observation, bool alertsOnly = false) =>
        observation.AllNodes()
            .Where(n => !FieldRoles.Contains(n.Role) && n.Role is not ("option" or "listbox") && (!alertsOnly || n.Role is "alert" or "alertdialog"))
            .SelectMany(n => MessageRoles.Contains(n.Role) ? [n.InnerText()] : n.Value is { Length: > 0 } v && n.Role is not "heading" ? [v] : Array.Empty<string>())
            .Select(t => t.Trim())
            .Where(t => t.Length > 0);

    /// <summary>An error message that shows now and did not before.</summary>
    private static string? NewError(UiObservation before, UiObservation after, bool alertsOnly = false)
    {
        var old = Messages(before).ToHashSet(StringComparer.Ordinal);
        return Messages(after, alertsOnly).FirstOrDefault(t => !old.Contains(t) && LooksLikeError(t));
    }

    /// <summary>
    /// An error message on the final screen that was not on the first one, leaving out text the goal itself put on
    /// the page (a todo named "fix the login error" is not an error); null when none shows.
    /// </summary>
    /// <param name="first">The screen when the run began.</param>
    /// <param name="final">The screen when the planner says it is done.</param>
    /// <param name="goals">The goal's sub-goals; their values are the user's own words.</param>
    public static string? ErrorAtEnd(UiObservation first, UiObservation final, IEnumerable<SubGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(goals);
        var own = goals.SelectMany(g => g.Values).Select(v => v.Text).Where(t => t.Length >= 3 && !IsPlaceholder(t)).ToList();
        var old = Messages(first).ToHashSet(StringComparer.Ordinal);
        return Messages(final).FirstOrDefault(t => !old.Contains(t) && LooksLikeError(t) && !own.Any(o => Contains(t, o)));
    }
}
