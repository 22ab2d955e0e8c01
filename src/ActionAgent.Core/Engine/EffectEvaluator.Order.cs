using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// A sort is proven by the order of the rows, not by the list having changed: "Sort the payments by date, newest
// first" holds when the dates read from the rows, top to bottom, go from the newest to the oldest.
public static partial class EffectEvaluator
{
    private static readonly string[] Descending =
        ["newest", "latest", "most recent", "descending", "highest", "most expensive", "largest", "biggest", "z to a", "z-a", "high to low", "recent first"];

    private static readonly string[] Ascending =
        ["oldest", "earliest", "ascending", "lowest", "cheapest", "least expensive", "smallest", "a to z", "a-z", "low to high"];

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Whether the sub-goal asks for a sort ("sort the payments by date", "order by price").</summary>
    /// <param name="goal">The sub-goal.</param>
    public static bool IsSort(SubGoal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var words = Words(goal.Verb ?? goal.Text);
        var text = Words(goal.Text);
        return words.Count > 0 && words[0] is "sort" or "sorted" or "reorder" or "arrange" or "rank" ||
            text.Contains("sort") || text.Contains("sorted") || (text.IndexOf("order") is var i && i >= 0 && i + 1 < text.Count && text[i + 1] == "by");
    }

    private static EffectEvidence? SortOrder(SubGoal goal, UiObservation after)
    {
        if (!IsSort(goal)) return null;
        var text = " " + Normalise(goal.Text + " " + goal.Qualifiers.Ordering) + " ";
        bool? descending = Descending.Any(d => text.Contains($" {d} ", StringComparison.Ordinal)) ? true
            : Ascending.Any(a => text.Contains($" {a} ", StringComparison.Ordinal)) ? false : null;
        var by = Criterion(text);
        var rows = ItemPaths(after, innermost: true)
            .Where(r => r.Node.Role is "row" or "listitem" or "article" && !r.Node.DescendantsAndSelf().Any(d => d.Role == "columnheader"))
            .GroupBy(r => r.Path.Count > 1 ? r.Path[^2] : null)
            .Select(g => g.ToList())
            .OrderByDescending(g => g.Count)
            .FirstOrDefault();
        if (rows is null || rows.Count < 2) return new(false, "no list or table with two or more rows shows to check the order of");
        var keys = rows.Select(r => Key(by, r.Node.InnerText())).ToList();
        if (keys.Count(k => k is not null) < 2) return new(false, $"the rows show no {by} to check the order by");
        var read = keys.Where(k => k is not null).Select(k => k!.Value).ToList();
        var shown = string.Join(", ", read.Take(5).Select(k => k.Shown));
        bool up = IsOrdered(read, ascending: true), down = IsOrdered(read, ascending: false);
        var wanted = descending switch { true => "descending", false => "ascending", null => "sorted" };
        var holds = descending switch { true => down, false => up, null => up || down };
        return holds
            ? new(true, $"the rows are in {wanted} order of {by}: {shown}")
            : new(false, $"the rows are not in {wanted} order of {by}: {shown}");
    }

    private static bool IsOrdered(List<(IComparable Value, string Shown)> keys, bool ascending)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            var c = keys[i - 1].Value.CompareTo(keys[i].Value);
            if (ascending ? c > 0 : c < 0) return false;
        }
        return true;
    }

    private static string Criterion(string text)
    {
        if (Regex.IsMatch(text, @" (date|dates|day|time|newest|oldest|latest|earliest|recent|when|created|updated|modified) ")) return "date";
        if (Regex.IsMatch(text, @" (price|prices|cost|amount|total|fare|cheapest|expensive|value|sum) ")) return "amount";
        if (Regex.IsMatch(text, @" (name|names|title|alphabetical|alphabetically|a to z|z to a|a-z|z-a) ")) return "name";
        return "number";
    }

    private static (IComparable Value, string Shown)? Key(string by, string row)
    {
        switch (by)
        {
            case "date":
                if (DateKey(row) is { } date) return date;
                return null;
            case "amount":
                var money = Regex.Match(row, @"(?:[€$£¥]|EUR|USD|GBP|NOK)\s*(\d[\d,\s]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(?:[€$£¥]|EUR|USD|GBP|NOK|kr)");
                if (money.Success && ParseNumber(money.Groups[1].Success ? money.Groups[1].Value : money.Groups[2].Value) is { } m) return (m, money.Value.Trim());
                goto default;
            case "name":
                var first = Normalise(row);
                return first.Length == 0 ? null : (first, first.Length > 20 ? first[..20] : first);
            default:
                var number = Regex.Match(row, @"-?\d[\d,]*(?:\.\d+)?");
                return number.Success && ParseNumber(number.Value) is { } n ? (n, number.Value) : null;
        }
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The first date (and time) in a row as a sortable number: 2027-03-01, 1 March 2027, Mar 1, 2027, 01/03/2027, 09:30.</summary>
    private static (IComparable Value, string Shown)? DateKey(string row)
    {
        var iso = Regex.Match(row, @"\b(\d{4})-(\d{1,2})-(\d{1,2})\b");
        if (iso.Success) return (Stamp(Int(iso, 1), Int(iso, 2), Int(iso, 3), row), iso.Value);
        var dayFirst = Regex.Match(row, @"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b");
        if (dayFirst.Success && Month(dayFirst.Groups[2].Value) is { } m1) return (Stamp(Int(dayFirst, 3), m1, Int(dayFirst, 1), row), dayFirst.Value);
        var monthFirst = Regex.Match(row, @"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b");
        if (monthFirst.Success && Month(monthFirst.Groups[1].Value) is { } m2) return (Stamp(Int(monthFirst, 3), m2, Int(monthFirst, 2), row), monthFirst.Value);
        var slashed = Regex.Match(row, @"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b");
        if (slashed.Success)
        {
            int a = Int(slashed, 1), b = Int(slashed, 2);
            return b > 12 ? (Stamp(Int(slashed, 3), a, b, row), slashed.Value) : (Stamp(Int(slashed, 3), b, a, row), slashed.Value);
        }
        var time = Regex.Match(row, @"\b(\d{1,2}):(\d{2})\b");
        return time.Success ? ((long)(Int(time, 1) * 60 + Int(time, 2)), time.Value) : null;

        static long Stamp(int year, int month, int day, string row)
        {
            var time = Regex.Match(row, @"\b(\d{1,2}):(\d{2})\b");
            var minutes = time.Success ? Int(time, 1) * 60 + Int(time, 2) : 0;
            return ((((long)year * 100 + month) * 100 + day) * 10000) + minutes;
        }

        static int? Month(string name)
        {
            var index = Array.IndexOf(Months, name.ToLowerInvariant()[..3]);
            return index < 0 ? null : index + 1;
        }
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
