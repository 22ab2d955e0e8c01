using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Finds lists of repeated results on a page — list items, articles or table rows that each hold a control and some
/// values — and reads prices (€, $, £, EUR, USD, GBP), durations and clock times from them, so "the cheapest",
/// "the shortest" or "the earliest" is chosen by reading the values, whatever the markup.
/// </summary>
public static partial class ResultListReader
{
    private static readonly string[] ItemRoles = ["listitem", "article", "row", "group"];

    /// <summary>The largest set of sibling items that each have one choosing control and a value; empty when none.</summary>
    public static IReadOnlyList<ResultItem> Read(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var best = new List<ResultItem>();
        foreach (var parent in page.All)
        {
            var items = new List<ResultItem>();
            foreach (var child in parent.Children)
            {
                if (!ItemRoles.Contains(child.Role)) continue;
                if (ReadItem(child) is { } item) items.Add(item);
            }
            if (items.Count >= 2 && items.Count > best.Count) best = items;
        }
        return best;
    }

    /// <summary>Chooses by preference (cheapest, shortest, earliest, latest); with none, the first listed.</summary>
    public static ResultItem? Choose(IReadOnlyList<ResultItem> items, string? preference)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return null;
        return preference switch
        {
            "cheapest" => items.Where(i => i.Price is not null).MinBy(i => i.Price) ?? items[0],
            "shortest" => items.Where(i => i.DurationMinutes is not null).MinBy(i => i.DurationMinutes) ?? items[0],
            "earliest" => items.Where(i => i.DepartureMinutes is not null).MinBy(i => i.DepartureMinutes) ?? items[0],
            "latest" => items.Where(i => i.DepartureMinutes is not null).MaxBy(i => i.DepartureMinutes) ?? items[^1],
            _ => items[0],
        };
    }

    private static ResultItem? ReadItem(PageNode item)
    {
        var controls = item.DescendantsAndSelf().Where(n => n != item && n.Role is "button" or "link" or "radio").ToList();
        if (controls.Count == 0) return null;
        var text = item.InnerText();
        var price = ParsePrice(text);
        var duration = ParseDuration(text);
        var time = ParseTime(text);
        if (price is null && duration is null && time is null) return null;
        // The choosing control: the one whose words say select/choose/book, else the last one (usually the call to action).
        var action = controls.FirstOrDefault(c => ChooseWords().IsMatch(c.Label())) ?? controls[^1];
        return new ResultItem(item, action, price, duration, time);
    }

    /// <summary>The first price in a text: "€89", "89 €", "EUR 89", "$1,234.50", "£40".</summary>
    public static decimal? ParsePrice(string text)
    {
        var m = PricePattern().Match(text);
        if (!m.Success) return null;
        var digits = (m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The first duration in a text, in minutes: "2h 35m", "2 h 5 min", "1h", "155 min", "2:35 h".</summary>
    public static int? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (m.Success)
        {
            var hours = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            return (hours * 60) + minutes;
        }
        var minutesOnly = MinutesPattern().Match(text);
        return minutesOnly.Success ? int.Parse(minutesOnly.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The first clock time in a text, in minutes after midnight: "07:45", "7.45 pm", "19:05".</summary>
    public static int? ParseTime(string text)
    {
        var m = TimePattern().Match(text);
        if (!m.Success) return null;
        var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var meridiem = m.Groups["ap"].Value.ToLowerInvariant();
        if (meridiem.StartsWith('p') && hours < 12) hours += 12;
        if (meridiem.StartsWith('a') && hours == 12) hours = 0;
        return (hours * 60) + minutes;
    }

    [GeneratedRegex(@"(?:[€$£]|\b(?:EUR|USD|GBP)\b)\s?(?<a>\d{1,3}(?:[, ]\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)|(?<b>\d{1,3}(?:[, ]\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s?(?:€|\b(?:EUR|USD|GBP)\b)")]
    private static partial Regex PricePattern();

    [GeneratedRegex(@"\b(?<h>\d{1,2})\s?h(?:rs?|ours?)?\b(?:\s*(?<m>\d{1,2})\s?m(?:in(?:utes?)?)?\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?<m>\d{2,4})\s?min(?:utes?|s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesPattern();

    [GeneratedRegex(@"\b(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)\b(?:\s?(?<ap>[ap]\.?m\.?)(?![\p{L}]))?", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:select|choose|book|pick|buy|reserve)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChooseWords();
}
