using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>
/// The values of one clause (quoted text, placeholders, emails, URLs, times, dates, passwords, "label: value" pairs,
/// places, prices, numbers), each tied to the label the goal gives it. Each value found is masked out of
/// <see cref="Text"/> so that the words left describe the object.
/// </summary>
internal sealed partial class ClauseValues
{
    private const char Mark = '\u0001';
    private const char FirstIndexChar = '\uE000';

    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "Me", "A", "An", "The", "One", "Today", "Tomorrow", "Next", "This", "Book", "Flight", "Flights", "Fly", "From", "To",
        "Get", "Find", "Cheapest", "Shortest", "Earliest", "Latest", "Fastest", "Search", "Show", "Pick", "Choose", "Select",
    };

    private static readonly string[] SeparatorWords =
        ["with", "using", "as", "and", "for", "to", "from", "in", "into", "on", "by", "via", "then", "is", "under", "named", "called", "titled"];

    private static readonly string[] DateLabels =
        ["from", "to", "until", "till", "through", "between", "departing", "departure", "leaving", "outbound", "arrival", "arriving",
         "return", "returning", "check-in", "checkin", "check-out", "checkout", "start", "starting", "end", "ending", "due", "since", "before", "after", "by"];

    // Words after a number that are not what it counts ("for 4 at 7pm").
    private static readonly HashSet<string> NotUnits = new(StringComparer.Ordinal)
    {
        "of", "at", "on", "in", "to", "for", "from", "by", "with", "and", "or", "the", "a", "an", "per", "am", "pm", "then", "into", "onto", "is", "as",
    };

    private readonly List<GoalValue> _values = [];
    private readonly DateOnly _today;

    /// <summary>Reads the values of a clause (the words after its verb).</summary>
    public ClauseValues(string text, DateOnly today, bool places)
    {
        Text = text;
        _today = today;
        Replace(PlaceholderPattern(), m => new(GoalValueKind.Placeholder, m.Value, LabelBefore(m.Index, GoalValueKind.Placeholder)));
        Replace(QuotedPattern(), m => Quoted(m));
        Replace(EmailPattern(), m => new(GoalValueKind.Email, m.Value, LabelBefore(m.Index, GoalValueKind.Email)));
        // An address has no field label, but a path given as a name has one ("save it as /tmp/note.txt": the name).
        Replace(UrlPattern(), m => new(GoalValueKind.Url, m.Value, LabelBefore(m.Index, GoalValueKind.Url) is "name" ? "name" : null));
        // "expiry 12/29": a card's month and year, typed as written, not the 29th of December.
        Replace(ExpiryPattern(), m => new(GoalValueKind.Text, m.Value, "expiry"));
        Replace(TimePattern(), m => new(GoalValueKind.Time, Time(m), DateLabel(m.Index)));
        while (DateExpressionParser.TryParse(Text, today, out var date, out var span))
        {
            Mask(span.Index, span.Length, new(GoalValueKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateLabel(span.Index)));
        }
        Replace(PhonePattern(), m => new(GoalValueKind.Text, m.Value, LabelBefore(m.Index, GoalValueKind.Text)));
        Replace(PasswordPattern(), m => new(GoalValueKind.Password, m.Groups["v"].Value, m.Groups["label"].Value.ToLowerInvariant()), m => !IsFieldWord(m.Groups["v"].Value));
        Replace(LabelColonPattern(), m => new(Classify(m.Groups["v"].Value, m.Groups["label"].Value), Normalise(m.Groups["v"].Value, m.Groups["label"].Value), ColonLabel(m)));
        Replace(CodePattern(), m => new(GoalValueKind.Text, m.Value, LabelBefore(m.Index, GoalValueKind.Text)));
        Replace(FormatPattern(), m => new(GoalValueKind.Text, m.Groups["f"].Value.ToUpperInvariant(), "format"));
        if (places)
        {
            var pair = PairPattern().Match(Text);
            if (pair.Success && CleanPlace(pair.Groups["a"].Value) is { } a && CleanPlace(pair.Groups["b"].Value) is { } b)
            {
                // The destination first: masking it leaves the origin's position as it is.
                var (from, to) = (pair.Groups["a"], pair.Groups["b"]);
                Mask(to.Index, to.Length, new(GoalValueKind.Text, b, "to"));
                Mask(from.Index, to.Index - from.Index, new(GoalValueKind.Text, a, "from"));
            }
            Replace(OriginPattern(), m => Place(m, "p", "from"), m => CleanPlace(m.Groups["p"].Value) is not null);
            Replace(DestinationPattern(), m => Place(m, "p", "to"), m => CleanPlace(m.Groups["p"].Value) is not null);
            Replace(InPlacePattern(), m => Place(m, "p", "in"), m => CleanPlace(m.Groups["p"].Value) is not null);
        }
        Replace(PricePattern(), m => new(GoalValueKind.Number, m.Groups["n"].Value.Replace(",", ".", StringComparison.Ordinal), PriceLabel(m.Index)));
    }

    /// <summary>The clause with every value masked (callers cut qualifiers and scope out of it).</summary>
    public string Text { get; set; }

    /// <summary>The values in the order the clause gives them.</summary>
    public IReadOnlyList<GoalValue> Values => [.. MarkPattern().Matches(Text).Select(m => _values[m.Groups[1].Value[0] - FirstIndexChar])];

    /// <summary>Reads counted nouns ("for 2 adults", "3 tickets") and bare numbers as number values.</summary>
    public void ReadNumbers()
    {
        Replace(CountPattern(), m => new(GoalValueKind.Number, WordNumber(m.Groups["n"].Value).ToString(CultureInfo.InvariantCulture), m.Groups["unit"].Value.ToLowerInvariant()),
            m => !NotUnits.Contains(m.Groups["unit"].Value.ToLowerInvariant()));
        Replace(BareNumberPattern(), m => new(GoalValueKind.Number, m.Value, LabelBefore(m.Index, GoalValueKind.Number)));
    }

    /// <summary>Removes the label words and the preposition before each value ("with access code ⟨v⟩" → "⟨v⟩"), so they do not end up in the object.</summary>
    public void CutLabels()
    {
        foreach (Match m in MarkPattern().Matches(Text).Reverse())
        {
            var value = _values[m.Groups[1].Value[0] - FirstIndexChar];
            var before = Text[..m.Index].TrimEnd().TrimEnd(':').TrimEnd();
            if (value.Label is { } label && before.EndsWith(label, StringComparison.OrdinalIgnoreCase) &&
                (before.Length == label.Length || !char.IsLetterOrDigit(before[^(label.Length + 1)])))
            {
                before = before[..^label.Length].TrimEnd();
            }
            if (before.EndsWith(" the", StringComparison.OrdinalIgnoreCase)) before = before[..^4];
            var words = before.Split(' ');
            if (words.Length > 0 && (SeparatorWords.Contains(words[^1].ToLowerInvariant()) || words[^1].ToLowerInvariant() is "on" or "at" or "between"))
            {
                before = string.Join(' ', words[..^1]);
            }
            Text = before + Text[m.Index..];
        }
    }

    /// <summary>Puts the values back into a piece of the masked text (quoted text in quotes when <paramref name="quoted"/>).</summary>
    public string Restore(string masked, bool quoted = true, Func<GoalValue, bool>? which = null) => MarkPattern().Replace(masked, m =>
    {
        var value = _values[m.Groups[1].Value[0] - FirstIndexChar];
        if (which is not null && !which(value)) return " ";
        return quoted && value.Kind == GoalValueKind.Text ? $"\"{value.Text}\"" : value.Text;
    });

    /// <summary>The masked text with placeholders removed.</summary>
    public static string Unmasked(string masked) => MarkPattern().Replace(masked, " ");

    /// <summary>The kind of a value given as text, judged from the text and the field's label.</summary>
    public static GoalValueKind Classify(string value, string? label)
    {
        var v = value.Trim();
        if (PlaceholderPattern().IsMatch(v) && v.StartsWith("${", StringComparison.Ordinal)) return GoalValueKind.Placeholder;
        if (label is not null && PasswordLabelPattern().IsMatch(label)) return GoalValueKind.Password;
        if (EmailPattern().Match(v) is { Success: true } e && e.Length == v.Length) return GoalValueKind.Email;
        if (UrlPattern().Match(v) is { Success: true } u && u.Length == v.Length) return GoalValueKind.Url;
        if (TimePattern().Match(v) is { Success: true } t && t.Length == v.Length) return GoalValueKind.Time;
        if (NumberPattern().IsMatch(v)) return GoalValueKind.Number;
        // "the 5th of January", "on Friday": the date may come with its article or preposition.
        foreach (var date in new[] { v, DatePrefixPattern().Replace(v, "") })
        {
            if (DateExpressionParser.TryParse(date, new DateOnly(2000, 1, 1), out _, out var span) && span.Length >= date.Length - 1) return GoalValueKind.Date;
        }
        return GoalValueKind.Text;
    }

    /// <summary>The value in its kind's normal form (dates as yyyy-MM-dd, times as HH:mm), relative to today.</summary>
    public static string Normalise(string value, string? label, DateOnly today)
    {
        var v = value.Trim();
        switch (Classify(v, label))
        {
            case GoalValueKind.Time:
                return Time(TimePattern().Match(v));
            case GoalValueKind.Date when DateExpressionParser.TryParse(v, today, out var date, out _):
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case GoalValueKind.Number:
                return v.TrimStart('$', '€', '£').TrimEnd('%');
            default:
                return v;
        }
    }

    private string Normalise(string value, string? label) => Normalise(value, label, _today);

    private GoalValue Quoted(Match m)
    {
        var text = m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["s"].Value;
        var label = LabelBefore(m.Index, GoalValueKind.Text);
        var kind = label is not null && PasswordLabelPattern().IsMatch(label) ? GoalValueKind.Password
            : EmailPattern().Match(text) is { Success: true } e && e.Length == text.Length ? GoalValueKind.Email : GoalValueKind.Text;
        if (kind == GoalValueKind.Email && label == "username") label = "email";
        return new(kind, text, label);
    }

    private GoalValue Place(Match m, string group, string label) => new(GoalValueKind.Text, CleanPlace(m.Groups[group].Value)!, label);

    private static string? CleanPlace(string place)
    {
        var words = place.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && NotPlaces.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        while (words.Count > 0 && NotPlaces.Contains(words[0])) words.RemoveAt(0);
        if (words.Count == 1 && DateExpressionParser.MonthOf(words[0]) is not null && words[0].Length > 2) return null;
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    // The words just before a value that name its field ("with access code "rose77"" → "access code"), or what the
    // preposition before it says ("as ana@example.net" → "email", "as "j.doe"" → "username").
    private string? LabelBefore(int index, GoalValueKind kind)
    {
        var before = Text[..index].TrimEnd();
        if (before.EndsWith(':')) before = before[..^1].TrimEnd();
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var label = new List<string>();
        for (var i = words.Length - 1; i >= 0 && label.Count < 3; i--)
        {
            var word = words[i].ToLowerInvariant().Trim(',', ';');
            // A value, a comma or an earlier "label:" ends this value's label.
            if (word.Contains(Mark, StringComparison.Ordinal) || word.Contains('@', StringComparison.Ordinal) || words[i].EndsWith(',') || (words[i].EndsWith(':') && label.Count > 0)) break;
            word = word.TrimEnd(':');
            if (SeparatorWords.Contains(word))
            {
                if (label.Count > 0) break;
                return word switch
                {
                    "as" => kind == GoalValueKind.Email ? "email" : kind == GoalValueKind.Text ? "username" : kind == GoalValueKind.Url ? "name" : null,
                    "to" or "from" => word,
                    "named" or "called" or "titled" => "name",
                    _ => null,
                };
            }
            if (word is "the" or "a" or "an" or "my" or "your" or "our" or "new") break;
            label.Insert(0, word);
        }
        return label.Count == 0 ? null : string.Join(' ', label);
    }

    private string? DateLabel(int index)
    {
        var before = Text[..index].TrimEnd().TrimEnd(':').TrimEnd();
        var last = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant();
        return last switch
        {
            null => null,
            "until" or "till" or "through" => "to",
            "between" => "from",
            "and" when before.Contains("between", StringComparison.OrdinalIgnoreCase) => "to",
            _ when DateLabels.Contains(last) => last,
            _ => null,
        };
    }

    private string? PriceLabel(int index)
    {
        var before = Text[..index].TrimEnd().ToLowerInvariant();
        foreach (var label in new[] { "less than", "more than", "at most", "at least", "up to", "under", "below", "over", "above", "max", "min", "maximum", "minimum", "to", "from" })
        {
            if (before.EndsWith(label, StringComparison.Ordinal)) return label;
        }
        return "price";
    }

    private static string? ColonLabel(Match m)
    {
        var label = m.Groups["label"].Value.ToLowerInvariant();
        var previous = m.Groups["prev"].Value.ToLowerInvariant();
        return previous.Length > 0 ? $"{previous} {label}" : label;
    }

    private static string Time(Match m)
    {
        if (m.Groups["word"].Success) return m.Groups["word"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? "12:00" : "00:00";
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var ap = m.Groups["ap"].Value.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        if (ap == "pm" && hour < 12) hour += 12;
        if (ap == "am" && hour == 12) hour = 0;
        return $"{hour:00}:{minute:00}";
    }

    private static int WordNumber(string word) => word.ToLowerInvariant() switch
    {
        "one" or "a" or "an" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    private static bool IsFieldWord(string word) => word.ToLowerInvariant() is "field" or "box" or "input" or "and" or "then" or "the" or "to" or "is" or "code" or "entry";

    private void Replace(Regex pattern, Func<Match, GoalValue> value, Func<Match, bool>? accept = null)
    {
        // Matches are taken one at a time because each mask changes the text after it.
        var start = 0;
        while (start <= Text.Length && pattern.Match(Text, start) is { Success: true } m)
        {
            if (m.Value.Contains(Mark, StringComparison.Ordinal) || (accept is not null && !accept(m)))
            {
                start = m.Index + Math.Max(1, m.Length);
                continue;
            }
            var inserted = Mask(m.Index, m.Length, value(m));
            start = m.Index + inserted;
        }
    }

    private int Mask(int index, int length, GoalValue value)
    {
        _values.Add(value);
        // The index is one private-use character, so no digit of a mask is ever read as a number.
        var token = $" {Mark}{(char)(FirstIndexChar + _values.Count - 1)}{Mark} ";
        Text = Text[..index] + token + Text[(index + length)..];
        return token.Length;
    }

    private const string PlaceWords = @"[\p{Lu}][\p{L}'’\-]*(?:\s+[\p{Lu}][\p{L}'’\-]*)*";

    [GeneratedRegex(@"^(?:the|on|for)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DatePrefixPattern();

    [GeneratedRegex("\u0001([\uE000-\uF8FF])\u0001")]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("\"(?<q>[^\"]*)\"|“(?<q>[^”]*)”|(?<=^|[\\s(:])'(?<s>[^']+)'(?=$|[\\s,.;:!?)])")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\bhttps?://\S+|\bwww\.\S+|(?<![@\w.])[\w\-]+\.(?:com|org|net|io|dev|app|co|uk|de|fr|local|test|example)(?:/\S*)?\b|(?<=\s|^)/[\w\-./]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\b(?:(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?:\s*(?<ap>am|pm|a\.m\.|p\.m\.))?|(?<h>1[0-2]|0?[1-9])\s*(?<ap>am|pm|a\.m\.|p\.m\.)|(?<word>noon|midnight))(?!\w)", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?<label>password|passcode|pass\s+code|access\s+code|pin\s+code|pin|passphrase|security\s+code|secret\s+code|one-time\s+code|otp)\s*(?:is\s+|=\s*|:\s*|of\s+)?(?<v>[^\s,;\u0001""“]*\d[^\s,;\u0001""“]*|[^\s,;\u0001""“]{4,})", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPattern();

    [GeneratedRegex(@"password|passcode|pass code|access code|\bpin\b|passphrase|security code|secret|one-time code|\botp\b", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLabelPattern();

    [GeneratedRegex(@"(?:\b(?<prev>access|user|pass|security|promo|discount|zip|postal|phone|first|last|e-?mail|full|company|card)\s+)?\b(?<label>[A-Za-z][\w\-]*)\s*:\s*(?<v>[^\s,;:\u0001]+(?:\s+(?!(?:on|for|at|with|and|then|by|in|from|to|using)\b)[^\s,;:\u0001]+(?!\S*:))*)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelColonPattern();

    [GeneratedRegex(@"\b(?:as|in|to)\s+(?:an?\s+)?(?<f>pdf|csv|xlsx|xls|json|xml|txt|zip|png|jpe?g|html|docx?|excel|spreadsheet)\b(?:\s+file)?", RegexOptions.IgnoreCase)]
    private static partial Regex FormatPattern();

    [GeneratedRegex(@"\b(?i:from|leaving|departing(?:\s+from)?|out\s+of)\s+(?<p>" + PlaceWords + ")")]
    private static partial Regex OriginPattern();

    [GeneratedRegex(@"\b(?i:to|arriving\s+(?:in|at)|going\s+to|bound\s+for|heading\s+to)\s+(?<p>" + PlaceWords + ")")]
    private static partial Regex DestinationPattern();

    [GeneratedRegex(@"(?<a>" + PlaceWords + @")\s*(?:\bto\b|-|–|→|->)\s*(?<b>" + PlaceWords + ")")]
    private static partial Regex PairPattern();

    [GeneratedRegex(@"\b(?i:in|near|around)\s+(?<p>" + PlaceWords + ")")]
    private static partial Regex InPlacePattern();

    [GeneratedRegex(@"(?:[$€£]\s?(?<n>\d+(?:[.,]\d+)?)|\b(?<n>\d+(?:[.,]\d+)?)\s?(?:eur|euros?|usd|dollars?|gbp|pounds?|%))(?!\w)", RegexOptions.IgnoreCase)]
    private static partial Regex PricePattern();

    [GeneratedRegex(@"\b(?<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<unit>[A-Za-z][\w\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"(?<![\w.\-])\+?\d{2,4}(?:[\s\-.]\d{2,4}){1,4}(?![\w.\-])")]
    private static partial Regex PhonePattern();

    // An unquoted code in capitals and digits ("SAVE10", "AB-1234"), or in capitals after "code" ("the code FREESHIP").
    [GeneratedRegex(@"(?<![\w\-])(?:(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])|(?<=\b(?:code|coupon|voucher|promo)\s+))[A-Z0-9][A-Z0-9\-]{3,}(?![\w\-])")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(?<![\w.])\d+(?:[.,]\d+)?(?![\w.])")]
    private static partial Regex BareNumberPattern();

    [GeneratedRegex(@"^[$€£]?\d+(?:[.,]\d+)?%?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<=\b(?:expiry|expiration|expires|exp\.?|valid\s+(?:thru|through|until))(?:\s+date)?\s*:?\s*)(?:0?[1-9]|1[0-2])\s*/\s*(?:\d{4}|\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiryPattern();
}
