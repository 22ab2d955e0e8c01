using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Secrets;

/// <summary>
/// Holds secret values for one run. Values leave the vault only to a driver; everything written anywhere else
/// (logs, recordings, reports, model prompts) goes through <see cref="Mask"/>.
/// </summary>
public sealed class SecretVault
{
    /// <summary>What replaces a secret value in any text.</summary>
    public const string MaskText = "********";

    private readonly Dictionary<string, string> _values;

    /// <summary>Creates a vault from names and values.</summary>
    public SecretVault(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        _digitPatterns = new(() => DigitPatterns(_values.Values));
        _spellings = new(() => Spellings(_values.Values));
    }

    /// <summary>An empty vault.</summary>
    public static SecretVault Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The secret names (safe to show).</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>Gets a secret's value.</summary>
    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    /// <summary>
    /// Replaces every occurrence of every secret value with <see cref="MaskText"/>: as typed, in any letter case,
    /// URL-encoded (<c>%40</c> or <c>+</c> for a space), HTML-escaped, JSON-escaped, and, for values with six or more
    /// digits, the same digits regrouped with spaces, dashes or dots. Every writer (recording, log, reports, prompts,
    /// vision requests) masks through here.
    /// </summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_values.Count == 0) return text;
        if (_spellings.Value is { } spellings) text = spellings.Replace(text, MaskText);
        // Card numbers and the like are shown regrouped ("4242 4242 4242 4242", "4242-4242…"): mask any spelling of
        // the same digits with spaces, dashes or dots between them.
        foreach (var pattern in _digitPatterns.Value) text = pattern.Replace(text, MaskText);
        return text;
    }

    /// <summary>Whether a text holds a secret value in any of the spellings <see cref="Mask"/> knows.</summary>
    public bool Leaks(string? text) => text is not null && _values.Count > 0 && Mask(text) != text;

    /// <summary>The name of the secret a text holds (in any spelling), or null.</summary>
    public string? FindIn(string? text)
    {
        if (text is null) return null;
        foreach (var (name, value) in _values)
        {
            if (new SecretVault(new Dictionary<string, string> { [name] = value }).Leaks(text)) return name;
        }
        return null;
    }

    private readonly Lazy<IReadOnlyList<Regex>> _digitPatterns;
    private readonly Lazy<Regex?> _spellings;

    // No match timeout: the patterns are escaped literals (and digits with optional one-character separators), which
    // match in linear time, while a timeout would crash the masking of a large report on a busy machine.
    private static Regex? Spellings(IEnumerable<string> values)
    {
        var forms = values.Where(v => v.Length >= 3)
            .SelectMany(v => new[]
            {
                v,
                Uri.EscapeDataString(v),
                Uri.EscapeDataString(v).Replace("%20", "+", StringComparison.Ordinal),
                WebUtility.UrlEncode(v),
                WebUtility.HtmlEncode(v),
                HtmlNumeric(v),
                JsonEncodedText.Encode(v).ToString(),
                JsonEncodedText.Encode(v, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(f => f.Length)
            .Select(Regex.Escape)
            .ToList();
        return forms.Count == 0 ? null
            : new Regex(string.Join('|', forms), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
    }

    // Pages that escape every character (&#112;&#97;…) to hide a value from naive filters.
    private static string HtmlNumeric(string value) =>
        string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"&#{(int)c};"));

    private static IReadOnlyList<Regex> DigitPatterns(IEnumerable<string> values) =>
    [
        .. values
            .Select(v => new string([.. v.Where(char.IsDigit)]))
            .Where(d => d.Length >= 6)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(d => d.Length)
            .Select(d => new Regex(@"(?<!\d)" + string.Join(@"(?:[ \-.]|%20|\+)?", d.Select(c => c.ToString())) + @"(?!\d)", RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout)),
    ];
}
