using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>One clause of a goal, and whether a strong separator ("then", ";") came before it.</summary>
internal sealed record GoalClause(string Text, bool AfterThen);

/// <summary>
/// Splits a goal into imperative clauses: always at "then", "after that", "finally", ";" and sentence ends; at "and"
/// and commas only when a known verb follows ("sign up as … and agree to the rules"), so "both A and B" or
/// "from Berlin to Madrid tomorrow, earliest departure" stay one clause. Never inside quotes.
/// </summary>
internal static partial class ClauseSplitter
{
    public static IReadOnlyList<GoalClause> Split(string goal, VerbLexicon lexicon)
    {
        var quoted = new List<string>();
        var masked = QuotedPattern().Replace(goal.Trim(), m =>
        {
            quoted.Add(m.Value);
            return $"\u0002{quoted.Count - 1}\u0002";
        });
        masked = LeadingFirstPattern().Replace(masked, "");
        var result = new List<GoalClause>();
        foreach (var (part, index) in StrongPattern().Split(masked).Select((p, i) => (p, i)))
        {
            var strong = index > 0;
            var pieces = WeakPattern().Split(part);
            var current = "";
            for (var i = 0; i < pieces.Length; i += 2)
            {
                var piece = pieces[i].Trim();
                var separator = i > 0 ? pieces[i - 1] : "";
                if (piece.Length == 0) continue;
                var words = Filler.Strip(piece).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var previousIsBareVerb = current.Length > 0 && lexicon.MatchAtStart(current.Split(' ')) is { } v && v.Words == current.Split(' ').Length;
                if (current.Length == 0 || (lexicon.StartsVerb(words) && !previousIsBareVerb))
                {
                    if (current.Length > 0)
                    {
                        result.Add(new(Restore(current, quoted), strong));
                        strong = false;
                    }
                    current = piece;
                }
                else
                {
                    current = current + separator + piece;
                }
            }
            if (current.Length > 0) result.Add(new(Restore(current, quoted), strong));
        }
        return result;
    }

    private static string Restore(string text, List<string> quoted) =>
        Regex.Replace(text, "\u0002(\\d+)\u0002", m => quoted[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]).Trim().TrimEnd(',').Trim();

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"^\s*(?:first(?:ly)?|to\s+start|start\s+by)\s*,?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFirstPattern();

    [GeneratedRegex(@"\s*;\s*|(?<=\w[.!?])(?<!\b\p{Lu}\p{Ll}{0,2}\.)\s+(?=\p{Lu})|\s*,?\s*\b(?:and\s+)?then\b\s*,?\s*|\s*,?\s*\b(?:after\s+that|afterwards|finally|lastly|once\s+(?:that\s+is\s+|it\s+is\s+)?done)\b\s*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StrongPattern();

    [GeneratedRegex(@"(\s*,\s*(?:and\s+)?|\s+and\s+(?:also\s+)?|\s+as\s+well\s+as\s+|\s+plus\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex WeakPattern();
}
