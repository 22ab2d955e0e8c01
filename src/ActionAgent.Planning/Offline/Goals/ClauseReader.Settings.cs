using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

// Settings said as what they should be, not which control to use: a rating ("give the product 3 stars"), a state
// ("make my profile private": the option that means private, ChoiceWords), a permission ("let only me see my profile":
// the option "Only me" of the control that says who can see it).
internal sealed partial class ClauseReader
{
    private static readonly HashSet<string> RatingVerbs = new(StringComparer.OrdinalIgnoreCase) { "give", "rate", "leave", "award", "score" };
    private static readonly HashSet<string> StateVerbs = new(StringComparer.OrdinalIgnoreCase) { "make", "keep" };
    private static readonly string[] Numerals = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private IReadOnlyList<SubGoal>? Setting(Context c) => Rating(c) ?? Permission(c) ?? State(c);

    /// <summary>"Give the product 3 stars", "rate it four stars": choose the rating control named "3 stars".</summary>
    private IReadOnlyList<SubGoal>? Rating(Context c)
    {
        if (!RatingVerbs.Contains(c.Verb) || RatingPattern().Match(c.Rest) is not { Success: true } m) return null;
        var written = m.Groups["n"].Value.ToLowerInvariant();
        var n = int.TryParse(written, out var digits) ? digits : Array.IndexOf(Numerals, written) + 1;
        var value = new GoalValue(GoalValueKind.Text, n == 1 ? "1 star" : $"{n} stars", "rating");
        return [Make(c, ActionFamily.Choose, "rating", [value], GoalQualifiers.None, null, new(EffectKind.Selected, "rating", value.Text))];
    }

    /// <summary>"let only me see my profile", "let friends comment on my photos": the audience chosen for who can do that.</summary>
    private IReadOnlyList<SubGoal>? Permission(Context c)
    {
        if (!c.Verb.Equals("let", StringComparison.OrdinalIgnoreCase) || PermissionPattern().Match(c.Rest) is not { Success: true } m) return null;
        var parts = Analyse(m.Groups["what"].Value, places: false, countsAreQuantities: false, cutLabels: false);
        var who = Clean(m.Groups["who"].Value);
        var control = Clean($"who can {m.Groups["v"].Value} {parts.Object}");
        var value = new GoalValue(GoalValueKind.Text, who, control);
        return [Make(c, ActionFamily.Choose, control, [value], parts.Qualifiers, parts.Scope, new(EffectKind.Selected, control, who))];
    }

    /// <summary>"make my profile private (in the Privacy tab)": the option that means the state, for the thing named.</summary>
    private IReadOnlyList<SubGoal>? State(Context c)
    {
        if (!StateVerbs.Contains(c.Verb)) return null;
        var parts = Analyse(c.Rest, places: false, countsAreQuantities: false, cutLabels: false);
        if (parts.Values.Count > 0) return null;
        var words = parts.Object.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || ChoiceWords.For(words[^1]).Count == 0) return null;
        var state = words[^1].ToLowerInvariant();
        var thing = string.Join(' ', words[..^1]);
        var value = new GoalValue(GoalValueKind.Text, state, thing);
        return [Make(c, ActionFamily.Choose, thing, [value], parts.Qualifiers, parts.Scope, new(EffectKind.Selected, thing, state))];
    }

    [GeneratedRegex(@"^(?:.*?\s)?(?<n>[1-9]|10|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+of\s+(?:5|five|10|ten)\s+)?stars?\b\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RatingPattern();

    [GeneratedRegex(@"^(?<who>(?:only\s+|just\s+)?(?:me|us|you|friends|my\s+friends|contacts|my\s+contacts|followers|my\s+followers|everyone|everybody|anyone|anybody|nobody|no\s+one|people\s+i\s+follow|my\s+team|team\s+members))\s+(?:to\s+)?(?<v>see|view|find|contact|message|comment\s+on|comment|reply\s+to|tag|follow|share|download|edit)\b(?<what>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PermissionPattern();
}
