using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Matches the empty fields of a page to scenario inputs and secrets by meaning: the field's label ("Given name")
/// and the key in words ("passenger first name") are compared by embeddings and by words, and the best pairs are
/// taken greedily. Fields inside a numbered group ("Adult 2", "Traveller 2") take the inputs of that list item
/// (<c>passengers.1.first_name</c>: lists are 0-based); when no input is numbered, unnumbered inputs serve the first group.
/// </summary>
public sealed partial class FormInputMatcher(ElementScorer scorer)
{
    private static readonly HashSet<string> FieldRoles = new(StringComparer.Ordinal) { "textbox", "searchbox", "spinbutton" };

    /// <summary>The least score a pair needs.</summary>
    /// <value>The default value is 0.45.</value>
    public double MinimumScore { get; init; } = 0.45;

    /// <summary>What the inputs' names are compared with fields as: their words and their last part's usual words.</summary>
    public static IReadOnlyList<string> KeyTexts(IReadOnlyDictionary<string, string> inputs, IReadOnlyList<string> secretNames)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(secretNames);
        var keys = Keys(inputs, secretNames);
        return [.. keys.Select(k => k.Words).Concat(keys.Select(k => k.Leaf))];
    }

    private static List<(string Key, bool Secret, int? Index, string Words, string Leaf)> Keys(IReadOnlyDictionary<string, string> inputs, IReadOnlyList<string> secretNames) =>
        [.. inputs.Keys.Select(k => (Key: k, Secret: false))
            .Concat(secretNames.Select(s => (Key: s, Secret: true)))
            .Select(k => (k.Key, k.Secret, Index: IndexOf(k.Key), Words: Humanize(k.Key), Leaf: Leaf(k.Key)))
            .Select(k => (k.Key, k.Secret, k.Index, k.Words, Leaf: FieldVocabulary.WordsFor(k.Leaf) is { } common ? $"{k.Leaf}, {common}" : k.Leaf))];

    /// <summary>The empty fields of the page, each matched to at most one input, in page order.</summary>
    public async Task<IReadOnlyList<InputField>> MatchAsync(PageModel page, IReadOnlyDictionary<string, string> inputs,
        IReadOnlyList<string> secretNames, Func<PageNode, bool> skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(secretNames);
        var fields = page.All.Where(n => FieldRoles.Contains(n.Role) && !n.IsDisabled && string.IsNullOrEmpty(n.Value)
            && !n.Children.Any(c => c.Role == "text") && n.Label().Length > 0 && !skip(n)).ToList();
        if (fields.Count == 0) return [];

        var keys = Keys(inputs, secretNames);
        if (keys.Count == 0) return [];
        var anyIndexed = keys.Any(k => k.Index is not null);

        var texts = fields.Select(f => f.Label()).Concat(keys.Select(k => k.Words)).Concat(keys.Select(k => k.Leaf)).ToList();
        var vectors = await scorer.Embedder.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);
        var pairs = new List<(int Field, int Key, double Score)>();
        for (var f = 0; f < fields.Count; f++)
        {
            var group = GroupNumber(fields[f]);
            var fieldWords = TextTokens.Content(fields[f].Label());
            for (var k = 0; k < keys.Count; k++)
            {
                var index = keys[k].Index;
                var fits = group is { } g
                    ? index == g - 1 || (index is null && g == 1 && !anyIndexed)
                    : index is null or 0;
                if (!fits) continue;
                // The whole key ("passenger first name") and its last part ("first name"): the closer of the two counts.
                var similarity = Math.Max(ElementScorer.Dot(vectors[f], vectors[fields.Count + k]), ElementScorer.Dot(vectors[f], vectors[fields.Count + keys.Count + k]));
                var overlap = Math.Max(TextTokens.Overlap(TextTokens.Content(keys[k].Words), fieldWords), TextTokens.Overlap(TextTokens.Content(keys[k].Leaf), fieldWords));
                pairs.Add((f, k, (0.7 * similarity) + (0.3 * overlap)));
            }
        }

        var result = new List<InputField>();
        var usedFields = new HashSet<int>();
        var usedKeys = new HashSet<(int Key, int? Group)>();
        foreach (var (f, k, score) in pairs.OrderByDescending(p => p.Score))
        {
            if (score < MinimumScore) break;
            var group = GroupNumber(fields[f]);
            if (usedFields.Contains(f) || usedKeys.Contains((k, group))) continue;
            usedFields.Add(f);
            usedKeys.Add((k, group));
            var (key, secret, _, _, _) = keys[k];
            result.Add(new InputField(fields[f], key, secret ? $"${{secrets.{key}}}" : $"${{inputs.{key}}}", secret, score));
        }
        return [.. result.OrderBy(r => r.Field.Order)];
    }

    /// <summary>"passengers.1.first_name" → "passengers first name".</summary>
    public static string Humanize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var words = key.Split('.', '_', '-')
            .Where(s => s.Length > 0 && !s.All(char.IsAsciiDigit))
            .Select(s => TrailingDigits().Replace(s, ""))
            .Where(s => s.Length > 0);
        return string.Join(' ', words);
    }

    // The last named part of a key: "passengers.0.first_name" → "first name".
    private static string Leaf(string key)
    {
        var segments = key.Split('.').Where(s => s.Length > 0 && !s.All(char.IsAsciiDigit)).ToList();
        return segments.Count == 0 ? key : Humanize(segments[^1]);
    }

    // The 0-based list index of a key: a digits-only segment (passengers.1.x), or digits ending a segment (passenger2.x, 1-based).
    private static int? IndexOf(string key)
    {
        foreach (var segment in key.Split('.'))
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit)) return int.Parse(segment, CultureInfo.InvariantCulture);
            var m = TrailingDigits().Match(segment);
            if (m.Success && m.Index > 0) return int.Parse(m.Value, CultureInfo.InvariantCulture) - 1;
        }
        return null;
    }

    // The number of the enclosing repeated group ("Adult 2" → 2), when the field is in one.
    private static int? GroupNumber(PageNode field)
    {
        foreach (var ancestor in field.Ancestors())
        {
            if (ancestor.Role is not ("group" or "region" or "form")) continue;
            var m = TrailingNumber().Match(ancestor.Name);
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingDigits();

    [GeneratedRegex(@"\b(\d{1,2})\s*$")]
    private static partial Regex TrailingNumber();
}
