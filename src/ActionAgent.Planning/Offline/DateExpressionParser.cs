using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Finds a date in the forms people write: "24 December", "24th of Dec 2026", "December 24", "Dec 24", "12/24/2026"
/// (month first; day first when the first number is over 12), "24.12.2026", "2026-12-24", "today", "tomorrow",
/// "the day after tomorrow", "next Friday", "this Friday", "on Friday", "in 3 days", "in a week".
/// A date without a year is the next one on or after today.
/// </summary>
public static partial class DateExpressionParser
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Finds the first date in the text; the matched span is returned so callers can cut it out.</summary>
    public static bool TryParse(string text, DateOnly today, out DateOnly date, out (int Index, int Length) span)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        span = default;
        var best = (Index: int.MaxValue, Length: 0, Date: default(DateOnly));
        void Consider(Match m, DateOnly d)
        {
            if (m.Index < best.Index) best = (m.Index, m.Length, d);
        }

        foreach (Match m in IsoPattern().Matches(text))
        {
            if (TryDate(Int(m, "y"), Int(m, "m"), Int(m, "d"), out var d)) Consider(m, d);
        }
        foreach (Match m in NumericPattern().Matches(text))
        {
            var a = Int(m, "a");
            var b = Int(m, "b");
            var year = m.Groups["y"].Success ? FullYear(Int(m, "y")) : (int?)null;
            // Slashes read month first (12/24/2026) unless that cannot be; dots and dashes read day first.
            var dayFirst = m.Groups["sep"].Value != "/" || a > 12;
            var (day, month) = dayFirst ? (a, b) : (b, a);
            if (Resolve(day, month, year, today, out var d)) Consider(m, d);
        }
        foreach (Match m in DayMonthPattern().Matches(text))
        {
            if (MonthOf(m.Groups["month"].Value) is { } month &&
                Resolve(Int(m, "day"), month, m.Groups["y"].Success ? Int(m, "y") : null, today, out var d)) Consider(m, d);
        }
        foreach (Match m in MonthDayPattern().Matches(text))
        {
            if (MonthOf(m.Groups["month"].Value) is { } month &&
                Resolve(Int(m, "day"), month, m.Groups["y"].Success ? Int(m, "y") : null, today, out var d)) Consider(m, d);
        }
        foreach (Match m in RelativePattern().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            var d = word.Contains("after", StringComparison.Ordinal) ? today.AddDays(2)
                : word.Contains("tomorrow", StringComparison.Ordinal) ? today.AddDays(1)
                : today;
            Consider(m, d);
        }
        foreach (Match m in InDaysPattern().Matches(text))
        {
            var count = m.Groups["n"].Value is "a" or "an" or "one" ? 1 : WordNumber(m.Groups["n"].Value) ?? 0;
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            Consider(m, unit.StartsWith("week", StringComparison.Ordinal) ? today.AddDays(7 * count) : today.AddDays(count));
        }
        foreach (Match m in WeekdayPattern().Matches(text))
        {
            var weekday = Enum.Parse<DayOfWeek>(Capitalize(m.Groups["wd"].Value), ignoreCase: true);
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            var qualifier = m.Groups["q"].Value.ToLowerInvariant();
            // "next Friday" is never today; said on a Friday it is the Friday a week on. "this/on Friday" may be today.
            if (qualifier == "next" && ahead == 0) ahead = 7;
            if (qualifier.Length == 0 && ahead == 0) ahead = 0;
            Consider(m, today.AddDays(ahead));
        }

        if (best.Index == int.MaxValue) return false;
        date = best.Date;
        span = (best.Index, best.Length);
        return true;
    }

    /// <summary>The number of a month name or abbreviation ("Dec", "december", "Sept"), or null.</summary>
    public static int? MonthOf(string name)
    {
        var lower = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (lower.Length < 3) return null;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal)) return i + 1;
        }
        return lower == "sept" ? 9 : null;
    }

    /// <summary>The English name of a month (1 = January).</summary>
    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static bool Resolve(int day, int month, int? year, DateOnly today, out DateOnly date)
    {
        if (year is { } y) return TryDate(FullYear(y), month, day, out date);
        // No year: the next such date on or after today.
        if (TryDate(today.Year, month, day, out date) && date >= today) return true;
        return TryDate(today.Year + 1, month, day, out date);
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int? WordNumber(string word) => word.ToLowerInvariant() switch
    {
        "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "ten" => 10,
        var digits when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"\b(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2}))?\b(?![/.\-]\d)")]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + Month + @"(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b" + Month + @"\s+(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?:the\s+day\s+after\s+tomorrow|tomorrow|today|tonight)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"\bin\s+(?<n>\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(?<unit>days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InDaysPattern();

    [GeneratedRegex(@"\b(?:(?<q>next|this|on|coming)\s+)?(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayPattern();
}
