using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Observation;

/// <summary>
/// A clock time a form asks for in separate lists: an hour list, a minute list and, on a 12-hour clock, an AM/PM list
/// ("Hour 5 · Minute 45 · PM"). Told apart by their labels, else by their options (1–12 or 0–23, 00–55, AM/PM).
/// </summary>
public static partial class ClockFields
{
    /// <summary>
    /// The option to choose in each list for <paramref name="time"/> (HH:mm, 24-hour), or null when the nodes hold no
    /// hour and minute lists, or the lists have no option for it (a 12-hour list with no AM/PM list for 17:45).
    /// </summary>
    /// <param name="nodes">The nodes to look among (a page, or the part of it in scope).</param>
    /// <param name="time">The time, as HH:mm.</param>
    public static IReadOnlyList<(UiNode Field, string Option)>? Choices(IEnumerable<UiNode> nodes, string time)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)) return null;
        var lists = nodes.Where(n => n.Role == "combobox" && n.Children.Count(c => c.Role == "option") >= 2).Distinct().ToList();
        var hour = lists.Where(l => Part(l) == "hour").ToList();
        var minute = lists.Where(l => Part(l) == "minute").ToList();
        var period = lists.Where(l => Part(l) == "period").ToList();
        if (hour.Count != 1 || minute.Count != 1 || period.Count > 1) return null;
        var choices = new List<(UiNode, string)>();
        var h = period.Count == 1 ? (clock.Hour % 12 == 0 ? 12 : clock.Hour % 12) : clock.Hour;
        if (Option(hour[0], h) is not { } hourOption || Option(minute[0], clock.Minute) is not { } minuteOption) return null;
        choices.Add((hour[0], hourOption));
        choices.Add((minute[0], minuteOption));
        if (period.Count == 1)
        {
            var wanted = clock.Hour < 12 ? "am" : "pm";
            if (Options(period[0]).FirstOrDefault(o => Letters(o) == wanted) is not { } periodOption) return null;
            choices.Add((period[0], periodOption));
        }
        return choices;
    }

    /// <summary>Whether the hour, minute and AM/PM lists among <paramref name="nodes"/> show <paramref name="time"/> (HH:mm).</summary>
    /// <param name="nodes">The nodes to look among.</param>
    /// <param name="time">The time, as HH:mm.</param>
    public static bool Show(IEnumerable<UiNode> nodes, string time)
    {
        var choices = Choices(nodes, time);
        return choices is not null && choices.All(c => Selected(c.Field) == c.Option);
    }

    private static string? Selected(UiNode list) =>
        list.Children.FirstOrDefault(c => c.Role == "option" && (c.Flags.Contains("selected") || c.Attributes.GetValueOrDefault("selected") == "true"))?.Name;

    private static string? Part(UiNode list)
    {
        var words = WordPattern().Matches(list.Name.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Any(w => w is "hour" or "hours" or "hh" or "hr" or "hrs")) return "hour";
        if (words.Any(w => w is "minute" or "minutes" or "min" or "mins" or "mm")) return "minute";
        if (words.Any(w => w is "am" or "pm" or "ampm" or "period" or "meridiem")) return "period";
        var options = Options(list);
        if (options.All(o => Letters(o) is "am" or "pm")) return "period";
        if (words.Count > 0 || !options.All(o => int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out _))) return null;
        var numbers = options.Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToList();
        if (options.Any(o => o.Length == 2 && o[0] == '0') && numbers.Max() <= 59 && numbers.Max() > 23) return "minute";
        return numbers.Count is 12 or 24 && numbers.Max() <= 24 ? "hour" : null;
    }

    private static string? Option(UiNode list, int number) =>
        Options(list).FirstOrDefault(o => int.TryParse(o.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n == number);

    private static IEnumerable<string> Options(UiNode list) => list.Children.Where(c => c.Role == "option").Select(c => c.Name);

    private static string Letters(string text) => new([.. text.Where(char.IsLetter).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex WordPattern();
}
