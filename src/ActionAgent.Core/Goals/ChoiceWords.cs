using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace ActionAgent.Core.Goals;

/// <summary>
/// What an option says for a state a goal names in its own words (<c>choices.yaml</c>, embedded): "private" → "Only
/// me", "Just me"; "public" → "Everyone". One table for the planner that looks for the option and for the evidence rule
/// that accepts it, so both read "make my profile private" the same way. Audiences match with or without "only"/"just"
/// ("only friends" is "Friends only").
/// </summary>
public static partial class ChoiceWords
{
    private const string Resource = "goals.choices.yaml";
    private static readonly Dictionary<string, IReadOnlyList<string>> Table = Load();

    /// <summary>The states the table knows ("private", "public", …): the words that end "make X …".</summary>
    public static IReadOnlyCollection<string> States => Table.Keys;

    /// <summary>What options say for <paramref name="state"/>, earliest listed first; empty when the table has no such state.</summary>
    public static IReadOnlyList<string> For(string? state) =>
        state is not null && Table.TryGetValue(Normalise(state), out var words) ? words : [];

    /// <summary>
    /// Whether an option that says <paramref name="option"/> is the choice a goal asks for with <paramref name="wanted"/>:
    /// the same words, the same audience with or without "only"/"just", or an option the table lists for that state.
    /// </summary>
    public static bool Means(string? option, string? wanted)
    {
        if (string.IsNullOrWhiteSpace(option) || string.IsNullOrWhiteSpace(wanted)) return false;
        var shown = Normalise(option);
        var asked = Normalise(wanted);
        if (shown == asked) return true;
        var audience = Audience(asked);
        if (audience.Length > 0 && audience == Audience(shown)) return true;
        if (For(asked).Any(w => w == shown)) return true;
        // "paperless invoices" is the box "Send invoices by email only": the goal's state word said the option's way, with
        // the rest of its words, in an option not much longer than that.
        var words = asked.Split(' ');
        var have = shown.Split(' ').ToHashSet(StringComparer.Ordinal);
        return words.Length > 1 && words.Where(Table.ContainsKey).Any(state => Table[state].Any(saying =>
        {
            var need = words.Where(w => w != state).Concat(saying.Split(' ')).ToHashSet(StringComparer.Ordinal);
            return need.All(have.Contains) && have.Count <= need.Count * 2;
        }));
    }

    private static string Audience(string text) => Normalise(OnlyPattern().Replace(text, " "));

    private static string Normalise(string text) =>
        string.Join(' ', WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value));

    private static Dictionary<string, IReadOnlyList<string>> Load()
    {
        using var stream = typeof(ChoiceWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, List<string>>?>(reader.ReadToEnd()) ?? [];
        return document.ToDictionary(p => Normalise(p.Key), p => (IReadOnlyList<string>)[.. p.Value.Select(Normalise)], StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\b(?:only|just)\b")]
    private static partial Regex OnlyPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex WordPattern();
}
