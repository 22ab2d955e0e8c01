using System.Globalization;
using System.Text;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// Text helpers of the effect checks: field values, words, the page's text outside fields, list items.
public static partial class EffectEvaluator
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "for", "on", "in", "my", "your", "box", "field", "button", "checkbox", "link", "this", "that", "and", "with",
    };

    /// <summary>
    /// The fields on screen, each with the value it shows. A textbox with a placeholder puts its value on a child
    /// <c>text:</c> line in the AI snapshot instead of after the colon, so the value is taken from there when needed.
    /// </summary>
    private static IEnumerable<UiNode> Fields(UiObservation observation) =>
        observation.AllNodes().Where(n => FieldRoles.Contains(n.Role)).Select(n => string.IsNullOrEmpty(n.Value) && FieldText(n) is { } text ? n with { Value = text } : n);

    private static string? FieldText(UiNode field)
    {
        // A list (select) holds its selected option.
        if (field.Children.FirstOrDefault(c => c.Role == "option" && IsOn(c)) is { } selected) return selected.Name;
        var text = string.Join(" ", field.Children.Where(c => c.Role == "text").Select(c => string.IsNullOrEmpty(c.Value) ? c.Name : c.Value)
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        return text.Length == 0 ? null : text;
    }

    private static List<string> Items(UiObservation observation) =>
        [.. observation.AllNodes().Where(n => ItemRoles.Contains(n.Role)).Select(n => Normalise(n.InnerText()))];

    private static List<string> Headings(UiObservation observation) =>
        [.. observation.AllNodes().Where(n => n.Role == "heading").Select(n => n.Name)];

    /// <summary>The page's text outside editable fields (a typed value in a box is not an item on the list).</summary>
    private static string ContentText(UiObservation observation)
    {
        var text = new StringBuilder();
        foreach (var node in observation.Nodes) Append(node, text);
        return Normalise(text.ToString());

        static void Append(UiNode node, StringBuilder text)
        {
            if (FieldRoles.Contains(node.Role))
            {
                text.Append(' ').Append(node.Name).Append(" |");
                return;
            }
            text.Append(' ').Append(node.Name).Append(' ').Append(node.Value).Append(" |");
            foreach (var child in node.Children) Append(child, text);
        }
    }

    private static List<string> NewWords(UiObservation before, UiObservation after)
    {
        var old = Words(ContentText(before)).ToHashSet(StringComparer.Ordinal);
        return [.. Words(ContentText(after)).Where(w => !old.Contains(w)).Distinct(StringComparer.Ordinal)];
    }

    private static int Occurrences(string haystack, string needle)
    {
        var n = Normalise(needle);
        if (n.Length == 0) return 0;
        var count = 0;
        for (var i = haystack.IndexOf(n, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(n, i + n.Length, StringComparison.Ordinal))
        {
            var startOk = i == 0 || !char.IsLetterOrDigit(haystack[i - 1]);
            var endOk = i + n.Length == haystack.Length || !char.IsLetterOrDigit(haystack[i + n.Length]);
            if (startOk && endOk) count++;
        }
        return count;
    }

    /// <summary>Same value: equal ignoring case and spacing, or the same numbers (a date typed 03/03/2027 for 2027-03-03).</summary>
    private static bool SameValue(string? shown, string wanted)
    {
        if (string.IsNullOrEmpty(shown)) return false;
        if (Normalise(shown) == Normalise(wanted)) return true;
        if (SameDate(shown, wanted)) return true;
        var a = Numbers(shown);
        var b = Numbers(wanted);
        return a.Count >= 2 && a.Order().SequenceEqual(b.Order()) && Words(shown).All(w => w.All(char.IsDigit)) ||
               (Normalise(wanted).Length >= 3 && Normalise(shown).Contains(Normalise(wanted), StringComparison.Ordinal) && shown.Length <= wanted.Length * 2);
    }

    // A date asked for as yyyy-MM-dd that a picker wrote in words ("Apr 24, 2027", "24 April 2027").
    private static bool SameDate(string shown, string wanted) =>
        DateOnly.TryParseExact(wanted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && shown.Any(char.IsLetter)
        && DateTime.TryParse(shown, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var written) && DateOnly.FromDateTime(written) == day;

    private static bool Contains(string? text, string part) =>
        !string.IsNullOrEmpty(text) && Normalise(text).Contains(Normalise(part), StringComparison.Ordinal);

    private static List<int> Numbers(string text) =>
        [.. Words(text).Where(w => w.All(char.IsDigit) && w.Length <= 9).Select(w => int.Parse(w, CultureInfo.InvariantCulture))];

    private static string Normalise(string text) => string.Join(' ', Words(text));

    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            // A handle keeps its @ ("@ana" is not "ana", nor part of "@anabel"); a dot stays inside a word (budget.xlsx).
            if (char.IsLetterOrDigit(c) || c == '@' || c == '.' && current.Length > 0) current.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            var word = current.ToString().TrimEnd('.');
            if (word.Length > 0) words.Add(word);
            current.Clear();
        }
    }

    /// <summary>The node whose label shares the most content words with the subject; null when none shares any.</summary>
    private static UiNode? BestBySubject(IReadOnlyList<UiNode> nodes, string? subject)
    {
        var wanted = Words(subject).Where(w => !Filler.Contains(w)).Select(Stem).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return nodes.Count == 1 ? nodes[0] : null;
        UiNode? best = null;
        var bestScore = 0.0;
        foreach (var node in nodes)
        {
            var label = Words(node.Name.Length > 0 ? node.Name : node.InnerText()).Select(Stem).ToHashSet(StringComparer.Ordinal);
            if (label.Count == 0) continue;
            var common = label.Count(wanted.Contains);
            var score = common == 0 ? 0 : (double)common / wanted.Count + ((double)common / label.Count * 0.1);
            if (score > bestScore)
            {
                best = node;
                bestScore = score;
            }
        }
        return best;
    }

    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    private static string Describe(UiNode node) => node.Name.Length > 0 ? $"{node.Role} \"{node.Name}\"" : node.Role;

    private static string Summarise(IEnumerable<UiNode> nodes) =>
        string.Join(", ", nodes.Take(6).Select(n => $"{Describe(n)}={(IsOn(n) ? "on" : n.Value ?? "")}"));
}
