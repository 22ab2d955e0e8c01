using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

// Drags: the place an item goes to keeps its own words ("to To do" is the column "To do", not "do"), and "put X in the
// Y column" moves an item that is already there rather than typing a new one.
internal sealed partial class ClauseReader
{
    /// <summary>A drag's destination: articles and punctuation off, but its own words kept, "to" of "To do" included.</summary>
    private static string Place(string text)
    {
        var words = text.Replace(',', ' ').Replace(';', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', '!', '?', ':')).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && PlaceArticles.Contains(words[0].ToLowerInvariant())) words.RemoveAt(0);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> PlaceArticles = new(StringComparer.Ordinal) { "the", "a", "an", "my", "your", "our", "their", "this", "that" };

    /// <summary>
    /// "Put "Fix bug" in the Done column", "place the card X into the Doing lane": a verb that also adds to lists, sent to
    /// a place that holds existing items (a column, a lane, a folder), moves the item there. Null for anything else
    /// ("put milk on my list" still adds milk).
    /// </summary>
    private IReadOnlyList<SubGoal>? Placement(Context c)
    {
        if (!c.Verb.Equals("put", StringComparison.OrdinalIgnoreCase) && !c.Verb.Equals("place", StringComparison.OrdinalIgnoreCase)) return null;
        if (PlacementPattern().Match(c.Rest) is not { Success: true } m) return null;
        return Drag(c with { Rest = $"{m.Groups["x"].Value} into {m.Groups["y"].Value}" });
    }

    [GeneratedRegex(@"^(?<x>.+?)\s+(?:in|into|on|onto|to)\s+(?<y>(?:the\s+|my\s+)?[^""“”]*?\b(?:column|lane|swimlane|stage|bucket|folder|pile|tray)s?)\s*[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlacementPattern();
}
