using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>
/// Reads the qualifiers of a clause (quantifiers, positions, orderings, on/off) and its scope ("in the dialog",
/// "below …", "on the post by @ana", "in the row for Porto", "under Billing"), cutting them out of the text.
/// </summary>
internal static partial class ClauseQualifiers
{
    // Words that name a part of a page a target can sit in.
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "dialog", "dialogue", "modal", "popup", "pop-up", "window", "row", "rows", "post", "posts", "card", "cards", "section", "panel",
        "sidebar", "header", "footer", "table", "form", "tab", "toolbar", "column", "tweet", "comment", "message", "email", "entry",
        "list", "menu", "drawer", "banner", "frame", "iframe", "region", "navigation", "navbar", "nav", "inbox", "feed", "thread",
        "cell", "group", "pane", "area", "overlay", "sheet", "box", "widget", "tile", "item", "bar", "page", "screen", "view", "calendar",
        "grid", "folder", "column", "block", "container", "settings", "cart", "basket", "profile",
    };

    /// <summary>Cuts the qualifiers out of the text and returns them.</summary>
    /// <param name="text">The clause, values masked; the qualifiers are removed from it.</param>
    /// <param name="orderings">Ordering phrases and their canonical word, longest first.</param>
    /// <param name="countsAreQuantities">Whether "3 tasks" counts targets (true) or gives a value (false: "for 3 adults").</param>
    public static GoalQualifiers Read(ref string text, IReadOnlyList<(string Phrase, string Canonical)> orderings, bool countsAreQuantities)
    {
        var q = GoalQualifiers.None;
        Match m;
        if ((m = FirstCountPattern().Match(text)).Success)
        {
            var last = m.Groups["which"].Value.Equals("last", StringComparison.OrdinalIgnoreCase);
            q = q with { Quantity = Quantity.Count, Count = Number(m.Groups["n"].Value), Ordinal = last ? -1 : 1 };
            text = Cut(text, m);
        }
        if ((m = AllPattern().Match(text)).Success)
        {
            q = q with { Quantity = Quantity.All, Count = null };
            text = Cut(text, m);
        }
        else if ((m = BothPattern().Match(text)).Success)
        {
            q = q with { Quantity = Quantity.Count, Count = 2 };
            text = Cut(text, m);
        }
        else if ((m = CountOfPattern().Match(text)).Success)
        {
            q = q with { Quantity = Quantity.Count, Count = Number(m.Groups["n"].Value) };
            text = Cut(text, m);
        }
        else if (countsAreQuantities && q.Count is null && (m = CountedNounPattern().Match(text)).Success && Number(m.Groups["n"].Value) > 1)
        {
            q = q with { Quantity = Quantity.Count, Count = Number(m.Groups["n"].Value) };
            text = text.Remove(m.Groups["n"].Index, m.Groups["n"].Length);
        }

        if ((m = FromLastPattern().Match(text)).Success)
        {
            var n = m.Groups["o"].Success ? Ordinal(m.Groups["o"].Value) : 2;
            q = q with { Ordinal = -n };
            text = Cut(text, m);
        }
        else if ((m = OrdinalPattern().Match(text)).Success)
        {
            q = q with { Ordinal = Ordinal(m.Groups["o"].Value) };
            text = Cut(text, m);
        }
        else if ((m = LastPattern().Match(text)).Success)
        {
            q = q with { Ordinal = -1 };
            text = Cut(text, m);
        }

        var lower = text.ToLowerInvariant();
        foreach (var (phrase, canonical) in orderings)
        {
            var at = WholeWord(lower, phrase);
            if (at < 0) continue;
            q = q with { Ordering = canonical };
            text = text.Remove(at, phrase.Length);
            break;
        }
        return q;
    }

    /// <summary>Cuts a scope phrase out of the text ("in the dialog", "below the heading", "under Billing"), or null.</summary>
    public static string? ReadScope(ref string text, ClauseValues values)
    {
        foreach (Match m in ScopePattern().Matches(text))
        {
            var rest = text[(m.Index + m.Length)..].Trim();
            var preposition = m.Groups["p"].Value.ToLowerInvariant();
            var phrase = Strip(rest);
            if (phrase.Length == 0 || phrase.StartsWith('\u0001')) continue;
            var always = preposition is not ("in" or "on" or "from" or "at");
            var nounWords = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w is not ("for" or "with" or "by" or "of" or "from" or "named" or "called" or "that" or "which" or "where" or "about" or "containing" or "showing" or "labelled" or "labeled" or "titled")).ToList();
            if (!always && !nounWords.Any(w => Containers.Contains(w.Trim(',', '.')))) continue;
            text = text[..m.Index];
            // "below the heading", "under Billing" keep their relation; "in the dialog" is just "dialog".
            if (always) phrase = $"{m.Groups["p"].Value.ToLowerInvariant()} {rest}";
            return string.Join(' ', values.Restore(phrase, quoted: false).Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ',', '!');
        }
        return null;
    }

    /// <summary>Splits "photo posted by @ana" into the thing ("photo") and the whole phrase as its scope, or null.</summary>
    public static (string Object, string Scope)? ByAuthor(string objectText)
    {
        var m = AuthorPattern().Match(objectText);
        if (!m.Success || m.Index == 0) return null;
        return (objectText[..m.Index].Trim(), objectText.Trim());
    }

    /// <summary>Removes leading determiners and prepositions.</summary>
    public static string Strip(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && LeadingNoise.Contains(words[0].ToLowerInvariant())) words.RemoveAt(0);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> LeadingNoise = new(StringComparer.Ordinal) { "the", "a", "an", "my", "your", "our", "their", "this", "that", "these", "those" };

    private static int WholeWord(string text, string phrase)
    {
        var at = 0;
        while ((at = text.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '-');
            var end = at + phrase.Length;
            var after = end >= text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '-');
            if (before && after) return at;
            at++;
        }
        return -1;
    }

    private static string Cut(string text, Match m) => text.Remove(m.Index, m.Length).Insert(m.Index, " ");

    private static int Number(string word) => word.ToLowerInvariant() switch
    {
        "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    private static int Ordinal(string word) => word.ToLowerInvariant() switch
    {
        "first" => 1, "second" => 2, "third" => 3, "fourth" => 4, "fifth" => 5, "sixth" => 6, "seventh" => 7, "eighth" => 8, "ninth" => 9, "tenth" => 10,
        var n => int.Parse(n[..^2], CultureInfo.InvariantCulture),
    };

    private const string Numbers = @"\d+|one|two|three|four|five|six|seven|eight|nine|ten";
    private const string Ordinals = @"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)";

    [GeneratedRegex(@"\b(?:the\s+)?(?<which>first|top|last)\s+(?<n>" + Numbers + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstCountPattern();

    [GeneratedRegex(@"\b(?:all\s+(?:of\s+)?(?:the\s+)?|every\s+(?:single\s+)?|each\s+(?:of\s+the\s+)?)(?!\u0001)", RegexOptions.IgnoreCase)]
    private static partial Regex AllPattern();

    [GeneratedRegex(@"\bboth\s+(?:of\s+)?(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex BothPattern();

    [GeneratedRegex(@"\b(?<n>" + Numbers + @")\s+of\s+(?:the\s+|my\s+|these\s+|those\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfPattern();

    [GeneratedRegex(@"(?<!\bfor\s)\b(?<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?=[a-z][\w\-]*s\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CountedNounPattern();

    [GeneratedRegex(@"\b(?:the\s+)?(?:(?<o>" + Ordinals + @")[\s\-]+(?:to|from)[\s\-]+(?:the[\s\-]+)?last|penultimate|next[\s\-]to[\s\-]last|last\s+but\s+one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FromLastPattern();

    [GeneratedRegex(@"\b(?:the\s+)?(?<o>" + Ordinals + @")\b(?!\s+(?:name|class|aid)\b)(?:\s+one\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex(@"\b(?:the\s+)?(?<!\bat\s)last\b(?!\s+(?:name|week|month|year)\b)(?:\s+one\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex LastPattern();

    [GeneratedRegex(@"(?:^|\s)(?<p>in|inside|within|on|from|under|below|beneath|above|next\s+to|beside|near|at)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"\s(?:(?:posted|written|shared|uploaded|sent|published|created|added|authored|made)\s+)?(?:by|from)\s+@?[\w.\-]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorPattern();
}
