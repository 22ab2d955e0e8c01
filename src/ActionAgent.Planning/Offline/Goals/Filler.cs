using System.Text.RegularExpressions;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>Politeness and framing around an imperative ("please", "can you", "I want to", "for me").</summary>
internal static partial class Filler
{
    /// <summary>The clause without leading and trailing filler, and with separated particles joined ("tick X off" → "tick off X").</summary>
    public static string Strip(string clause)
    {
        var text = clause.Trim();
        // A final "!" or "?" may end a password ("with password s3cret!"): kept when the last word has a digit.
        var last = text.Split(' ').Last();
        if (!last.Any(char.IsDigit) || last.EndsWith('.')) text = text.TrimEnd('.', '!', '?').Trim();
        string previous;
        do
        {
            previous = text;
            text = PrefixPattern().Replace(text, "");
            text = SuffixPattern().Replace(text, "");
        }
        while (text != previous && text.Length > 0);
        text = ParticlePattern().Replace(text, "${v} ${p} ${x}");
        text = MarkAsPattern().Replace(text, "mark ${as} ${x}");
        text = LogMeInPattern().Replace(text, "${v} ${p}");
        return text.Length > 0 ? text : clause.Trim();
    }

    [GeneratedRegex(@"^(?:please|pls|kindly|now|also|just|next|finally|then|and|so|ok(?:ay)?|hey|go\s+ahead\s+and|can\s+you|could\s+you|would\s+you|will\s+you|i\s+want\s+you\s+to|i(?:'d|\s+would)\s+like\s+(?:you\s+)?to|i\s+need\s+(?:you\s+)?to|i\s+have\s+to|i\s+must|we\s+need\s+to|let(?:'s|\s+us)|help\s+me(?:\s+to)?|try\s+to|make\s+sure\s+(?:to|you)|remember\s+to|don't\s+forget\s+to|i\s+want\s+to|i\s+want|i\s+need|i(?:'d|\s+would)\s+like|i'm\s+looking\s+for|show\s+me\s+how\s+to)\b[,\s]*", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"[,\s]+(?:please|pls|for\s+me|thanks|thank\s+you|now|right\s+away|asap)[.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixPattern();

    [GeneratedRegex(@"^(?<v>tick|check|cross|strike)\s+(?<x>.+?)\s+(?<p>off)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParticlePattern();

    [GeneratedRegex(@"^mark\s+(?<x>.+?)\s+(?<as>as\s+(?:read|unread|done|complete|completed|finished|spam))$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkAsPattern();

    [GeneratedRegex(@"^(?<v>log|sign)\s+(?:me|us)\s+(?<p>in|on|up|out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LogMeInPattern();
}
