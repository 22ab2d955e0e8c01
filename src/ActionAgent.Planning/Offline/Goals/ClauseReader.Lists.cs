using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>
/// The value-list side of <see cref="ClauseReader"/>: values given one after another with commas ("the shipping address
/// 12 Main Street, Cork, T12 X70A, Ireland", "as Ana Lopes, ana@example.net with the message "…""), unquoted items
/// joined by "and" after a plural noun ("the tags backend and design"), a person or option after "to" ("assign the
/// ticket to Marta Nowak") and menu paths ("… from the File menu").
/// </summary>
internal sealed partial class ClauseReader
{
    /// <summary>
    /// Reads "⟨object⟩ [as|for|with] V1, V2, … Vn" into one fill per value; a value with no field named keeps no label
    /// (the search gives it the next empty field that fits), a name after "as"/"for" is the name, an email the email,
    /// and "with the message "…"" labels its quoted text. Null when the clause is no such list.
    /// </summary>
    private IReadOnlyList<SubGoal>? ValueList(Context c, bool needsObject)
    {
        var rest = c.Rest;
        if (!rest.Contains(',', StringComparison.Ordinal) || rest.Contains(':', StringComparison.Ordinal)) return null;
        var kept = new List<string>();
        string Keep(string text)
        {
            kept.Add(text);
            return $"\u0002{kept.Count - 1}\u0002";
        }
        var masked = ListQuotePattern().Replace(rest, m => Keep(m.Value));
        // A date written with a comma ("April 24, 2027") is one value, not two.
        for (var guard = 0; guard < 4 && DateExpressionParser.TryParse(masked, _today, out _, out var span); guard++)
        {
            if (!masked.Substring(span.Index, span.Length).Contains(',', StringComparison.Ordinal)) break;
            masked = masked[..span.Index] + Keep(masked.Substring(span.Index, span.Length)) + masked[(span.Index + span.Length)..];
        }
        var segments = masked.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (segments.Count < 2) return null;
        string Restore(string text) => KeptPattern().Replace(text, m => kept[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]).Trim();

        // The first segment: the object's words, then the first value (from the first word in capitals, digits or quotes).
        var words = segments[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(words, IsValueStart);
        if (start < 0 || start == words.Length) return null;
        var preposition = start > 0 ? words[start - 1].ToLowerInvariant() : "";
        var obj = Clean(string.Join(' ', words[..start]));
        if (needsObject && obj.Length == 0) return null;
        if (obj.Any(char.IsDigit)) return null;
        var pieces = new List<(string Text, string? Label)> { (string.Join(' ', words[start..]), preposition is "as" or "for" ? "name" : null) };
        foreach (var segment in segments.Skip(1))
        {
            var last = segment == segments[^1];
            var parts = ListWithPattern().Split(segment);
            var value = parts[0].Trim();
            // "…, Oslo and Norway": the last "and" joins two values.
            if (last && ListAndPattern().Match(value) is { Success: true } and && IsValueStart(and.Groups["b"].Value.Split(' ')[0]))
            {
                pieces.Add((and.Groups["a"].Value, null));
                value = and.Groups["b"].Value;
            }
            if (value.Length > 0) pieces.Add((value, null));
            if (parts.Length > 1 && LabelledQuotePattern().Match(parts[1]) is { Success: true } labelled)
            {
                pieces.Add((labelled.Groups["v"].Value, Clean(labelled.Groups["label"].Value)));
            }
            else if (parts.Length > 1)
            {
                return null; // "… with" something that is not a labelled value: not a plain list
            }
        }
        if (pieces.All(p => p.Text.StartsWith('\u0002') && p.Text.EndsWith('\u0002'))) return null; // only quoted items: a list of items, read elsewhere
        var result = new List<SubGoal>();
        foreach (var (text, given) in pieces)
        {
            var value = Unquote(Restore(text));
            if (value.Length == 0) continue;
            var kind = ClauseValues.Classify(value, given);
            var label = kind == GoalValueKind.Email ? "email" : given == "name" && !PersonPattern().IsMatch(value) ? null : given;
            var goalValue = new GoalValue(kind, ClauseValues.Normalise(value, label, _today), label);
            result.Add(Make(c, ActionFamily.EnterText, label ?? "", [goalValue], GoalQualifiers.None, null, new(EffectKind.ValueSet, label, goalValue.Text)));
        }
        return result.Count >= 2 ? result : null;
    }

    private static bool IsValueStart(string word) =>
        word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]) || word[0] is '\u0002' or '"' or '“' or '+' || word.Contains('@', StringComparison.Ordinal));

    /// <summary>"the tags backend and design": unquoted items after a plural noun, joined by "and" or commas. Null when none.</summary>
    private static IReadOnlyList<GoalValue>? PluralItems(string rest)
    {
        var m = PluralItemsPattern().Match(rest.Trim());
        if (!m.Success) return null;
        var items = ListSplitPattern().Split(m.Groups["items"].Value).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (items.Count < 2 || items.Any(i => i.Split(' ').Length > 3)) return null;
        return [.. items.Select(i => new GoalValue(GoalValueKind.Text, i, null))];
    }

    /// <summary>"assign the ticket to Marta Nowak": a person or option in capitals after "to" is the value to choose.</summary>
    private IReadOnlyList<SubGoal>? ToProperName(Context c)
    {
        var m = ToNamePattern().Match(c.Rest.Trim());
        if (!m.Success) return null;
        var value = new GoalValue(GoalValueKind.Text, m.Groups["v"].Value, c.Verb);
        var thing = Clean(m.Groups["t"].Value);
        return [Make(c, ActionFamily.Choose, c.Verb, [value], GoalQualifiers.None, null, new(EffectKind.Selected, c.Verb, value.Text)),
                Implied(c, c.Verb, new(EffectKind.ScreenChanged, NullIfEmpty(thing)))];
    }

    /// <summary>"export the document as PDF from the File menu": open that menu, then choose the item the rest describes.</summary>
    private IReadOnlyList<SubGoal>? MenuPath(Context c)
    {
        var m = MenuPattern().Match(c.Rest);
        if (!m.Success) return null;
        var menu = m.Groups["menu"].Value.Trim();
        var what = Clean((c.Rest[..m.Index] + " " + c.Rest[(m.Index + m.Length)..]).Trim());
        var values = new ClauseValues(what, _today, places: false);
        var format = values.Values.FirstOrDefault(v => v.Label == "format")?.Text;
        var words = TextTokens.Words(ClauseValues.Unmasked(values.Text)).ToList();
        // "make the selected text bold": the state asked for is the last word; "export … as PDF": the verb and the format.
        var item = format is not null ? $"{c.Verb} {format}" : c.Verb is "make" or "turn" or "set" && words.Count > 0 ? words[^1] : $"{c.Verb} {string.Join(' ', words)}".Trim();
        // Opening the menu is optional: a menu drawn on a canvas, or one already open, has nothing to expand, and the
        // item's own effect is the evidence either way.
        return [Make(c, ActionFamily.Expand, $"{menu} menu", [], GoalQualifiers.None, null, new(EffectKind.Expanded, $"{menu} menu")) with { Optional = true },
                Make(c, ActionFamily.Activate, item, [], GoalQualifiers.None, null, new(EffectKind.ScreenChanged, item))];
    }

    [GeneratedRegex(@"\s+(?:leaving|departing|starting|arriving|that\s+leaves|that\s+departs|which\s+leaves)$", RegexOptions.IgnoreCase)]
    private static partial Regex BoundVerbPattern();

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex ListQuotePattern();

    [GeneratedRegex("\u0002(\\d+)\u0002")]
    private static partial Regex KeptPattern();

    [GeneratedRegex(@"\s+with\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListWithPattern();

    [GeneratedRegex(@"^(?<a>.+?)\s+and\s+(?<b>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListAndPattern();

    [GeneratedRegex("^(?:the\\s+|a\\s+|an\\s+|my\\s+)?(?<label>[\\w\\- ]{1,30}?)\\s*(?<v>\u0002\\d+\u0002)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledQuotePattern();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3}$")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"^(?:the\s+|my\s+|some\s+)?(?:tags|labels|keywords|topics|skills|categories|interests|hashtags)\s+(?<items>[\w\-#]+(?:\s+[\w\-#]+)?(?:(?:\s*,\s*|\s+and\s+)[\w\-#]+(?:\s+[\w\-#]+)?)+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PluralItemsPattern();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListSplitPattern();

    [GeneratedRegex(@"^(?<t>(?:the|this|that|my|a|an)\s+[\p{Ll}\w\- ]*?)\s+to\s+(?<v>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3})$")]
    private static partial Regex ToNamePattern();

    [GeneratedRegex(@"\s*\b(?:using|from|via|in|with)\s+the\s+(?<menu>[\p{L}][\p{L}\- ]{0,20}?)\s+menu\b", RegexOptions.IgnoreCase)]
    private static partial Regex MenuPattern();
}
