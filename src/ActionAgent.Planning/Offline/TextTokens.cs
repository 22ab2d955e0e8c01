using System.Globalization;
using System.Text;

namespace ActionAgent.Planning.Offline;

/// <summary>Word tokens for matching goal words to UI labels: lower case, punctuation dropped, crude stems.</summary>
internal static class TextTokens
{
    // Words that carry no meaning for matching a label ("the field for the origin" → "origin").
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "for", "on", "in", "at", "into", "onto", "with", "and", "or", "this", "that",
        "field", "box", "button", "link", "input", "textbox", "please", "your", "my", "it", "its", "is", "be", "by", "that", "which", "where", "what", "who", "list", "dropdown", "menu", "picker", "selector",
    };

    /// <summary>Splits text into lower-case words (letters and digits).</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (c == '-' && current.Length == 1 && char.IsLetter(current[0])) continue; // "e-mail" is "email"
            else Flush();
        }
        Flush();
        // A label of symbols only (a calculator's "=", "+", "×"; "←") has no word: its symbols are its words.
        if (words.Count == 0) words.AddRange(text.Where(c => char.IsSymbol(c) || char.IsPunctuation(c)).Select(c => c.ToString()));
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>Stemmed content words: stop words dropped unless nothing else is left.</summary>
    public static HashSet<string> Content(string? text)
    {
        var words = Words(text);
        // Numbers ("Pay €44", "Add item 3 to cart") say which instance, not what the element is.
        var content = words.Where(w => !StopWords.Contains(w) && !w.All(char.IsAsciiDigit)).Select(Stem).ToHashSet(StringComparer.Ordinal);
        return content.Count > 0 ? content : words.Select(Stem).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A crude English stem, enough for "leaving"/"leaves"/"leave" or "passengers"/"passenger".</summary>
    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) word = word[..^3];
        else if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) word = word[..^3] + "y";
        else if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal)) word = word[..^2];
        else if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) word = word[..^1];
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) word = word[..^2];
        if (word.Length > 3 && word.EndsWith('e')) word = word[..^1];
        return word;
    }

    /// <summary>
    /// How well a candidate's words cover what is asked, 0 to 1: the share of the candidate's content words found in
    /// the request, blended with the share of the request found in the candidate (a short exact label scores high).
    /// </summary>
    public static double Overlap(HashSet<string> wanted, HashSet<string> candidate)
    {
        if (wanted.Count == 0 || candidate.Count == 0) return 0;
        var common = candidate.Count(wanted.Contains);
        if (common == 0) return 0;
        var ofCandidate = (double)common / candidate.Count;
        var ofWanted = (double)common / wanted.Count;
        return (0.6 * ofCandidate) + (0.4 * ofWanted);
    }

    /// <summary>Whether the text contains the word (whole word, case-insensitive, unstemmed).</summary>
    public static bool HasWord(string? text, string word) => Words(text).Contains(word.ToLowerInvariant());
}
