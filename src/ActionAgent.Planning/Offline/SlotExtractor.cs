using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Pulls the slots out of a goal with rules: quoted strings, emails, the date (<see cref="DateExpressionParser"/>,
/// relative to <see cref="TimeProvider"/>'s local date), places ("from X to Y", "to Y from X", "X to Y", airport
/// codes), counts ("2 adults", "for three people"), preferences ("cheapest", "shortest", "earliest") and names.
/// </summary>
public sealed partial class SlotExtractor(TimeProvider time)
{
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "Me", "Us", "A", "An", "The", "One", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Today", "Tomorrow", "Next", "This", "Book", "Flight", "Flights", "Fly", "From", "To", "Get", "Find", "Cheapest", "Shortest", "Earliest",
    };

    /// <summary>Today's date in the time provider's local zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Extracts every slot it can find.</summary>
    public GoalSlots Extract(string goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var quoted = QuotedPattern().Matches(goal).Select(m => m.Groups["q"].Value.Trim()).Where(q => q.Length > 0).ToList();
        var emails = EmailPattern().Matches(goal).Select(m => m.Value).ToList();

        var rest = goal;
        DateOnly? date = null;
        if (DateExpressionParser.TryParse(rest, Today, out var parsed, out var span))
        {
            date = parsed;
            rest = rest.Remove(span.Index, span.Length).Insert(span.Index, " , ");
        }
        rest = EmailPattern().Replace(rest, " , ");

        var (origin, destination) = Places(rest);
        return new GoalSlots
        {
            Origin = origin,
            Destination = destination,
            Date = date,
            Adults = Adults(rest),
            Preference = Preference(goal),
            Quoted = quoted,
            Emails = emails,
            Names = [.. NamePattern().Matches(rest).Select(m => m.Groups["name"].Value).Where(n => !NotPlaces.Contains(n.Split(' ')[0]))],
        };
    }

    private static (string? Origin, string? Destination) Places(string text)
    {
        string? origin = null, destination = null;
        var from = OriginPattern().Match(text);
        if (from.Success) origin = Clean(from.Groups["p"].Value);
        var to = DestinationPattern().Matches(text).FirstOrDefault(m => Clean(m.Groups["p"].Value) is { } p && p != origin);
        if (to is not null) destination = Clean(to.Groups["p"].Value);
        if (origin is null || destination is null)
        {
            // "London to Paris", "LHR-CDG", "LHR → CDG": a bare pair.
            var pair = PairPattern().Match(text);
            if (pair.Success)
            {
                origin ??= Clean(pair.Groups["a"].Value);
                destination ??= Clean(pair.Groups["b"].Value);
            }
        }
        return (origin, destination);
    }

    private static string? Clean(string place)
    {
        var words = place.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && NotPlaces.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        while (words.Count > 0 && NotPlaces.Contains(words[0])) words.RemoveAt(0);
        if (words.Count == 0 || (words.Count == 1 && !IsCode(words[0]) && DateExpressionParser.MonthOf(words[0]) is not null && words[0].Length <= 9))
        {
            return null;
        }
        return string.Join(' ', words);
    }

    private static bool IsCode(string word) => word.Length == 3 && word.All(char.IsAsciiLetterUpper);

    private static int? Adults(string text)
    {
        var m = CountPattern().Match(text);
        if (!m.Success) return null;
        var word = m.Groups["n"].Value.ToLowerInvariant();
        return word switch
        {
            "a" or "an" or "one" or "single" => 1,
            "two" or "couple" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            _ => int.Parse(word, CultureInfo.InvariantCulture),
        };
    }

    private static string? Preference(string text)
    {
        var lower = text.ToLowerInvariant();
        if (CheapPattern().IsMatch(lower)) return "cheapest";
        if (ShortPattern().IsMatch(lower)) return "shortest";
        if (EarlyPattern().IsMatch(lower)) return "earliest";
        if (LatePattern().IsMatch(lower)) return "latest";
        return null;
    }

    // A place: capitalised words ("New York", "São Paulo") or an airport code; stops at lower-case words.
    private const string Place = @"(?<p>[\p{Lu}][\p{L}'’\-]*(?:\s+[\p{Lu}][\p{L}'’\-]*)*)";

    [GeneratedRegex("[\"“”'‘’](?<q>[^\"“”'‘’]+)[\"“”'‘’]")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?i:from|leaving|leave|departing(?:\s+from)?|out\s+of)\s+" + Place)]
    private static partial Regex OriginPattern();

    [GeneratedRegex(@"\b(?i:to|arriving\s+(?:in|at)|going\s+to|bound\s+for|heading\s+to|destination)\s+" + Place)]
    private static partial Regex DestinationPattern();

    [GeneratedRegex(@"(?<a>[\p{Lu}][\p{L}'’\-]*(?:\s+[\p{Lu}][\p{L}'’\-]*)*)\s*(?:\bto\b|-|–|→|->)\s*(?<b>[\p{Lu}][\p{L}'’\-]*(?:\s+[\p{Lu}][\p{L}'’\-]*)*)")]
    private static partial Regex PairPattern();

    [GeneratedRegex(@"\b(?<n>\d|a|an|one|single|two|couple|three|four|five|six|seven|eight|nine)\s+(?:of\s+us\s+)?(?:adults?|passengers?|travell?ers?|people|persons?|seats?|tickets?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\b(?:cheapest|lowest\s+(?:price|fare|cost)|least\s+expensive|cheap|budget|best\s+price|lowest-priced)\b")]
    private static partial Regex CheapPattern();

    [GeneratedRegex(@"\b(?:shortest|fastest|quickest|least\s+time)\b")]
    private static partial Regex ShortPattern();

    [GeneratedRegex(@"\b(?:earliest|first\s+flight|first\s+departure|first\s+one\s+out|soonest)\b")]
    private static partial Regex EarlyPattern();

    [GeneratedRegex(@"\b(?:latest|last\s+flight|last\s+departure)\b")]
    private static partial Regex LatePattern();

    [GeneratedRegex(@"\b(?:named|called|as|passenger)\s+(?<name>[\p{Lu}][\p{L}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+)+)")]
    private static partial Regex NamePattern();
}
