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
    }

    /// <summary>An empty vault.</summary>
    public static SecretVault Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The secret names (safe to show).</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>Gets a secret's value.</summary>
    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    /// <summary>Replaces every occurrence of every secret value (longest first) with <see cref="MaskText"/>.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in _values.Values.Where(v => v.Length >= 3).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, MaskText, StringComparison.Ordinal);
        }
        // Card numbers and the like are shown regrouped ("4242 4242 4242 4242", "4242-4242…"): mask any spelling of
        // the same digits with spaces, dashes or dots between them.
        foreach (var pattern in _digitPatterns.Value) text = pattern.Replace(text, MaskText);
        return text;
    }

    private readonly Lazy<IReadOnlyList<Regex>> _digitPatterns;

    private static IReadOnlyList<Regex> DigitPatterns(IEnumerable<string> values) =>
    [
        .. values
            .Select(v => new string([.. v.Where(char.IsDigit)]))
            .Where(d => d.Length >= 6)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(d => d.Length)
            .Select(d => new Regex(@"(?<!\d)" + string.Join(@"[ \-.]?", d.Select(c => c.ToString())) + @"(?!\d)", RegexOptions.CultureInvariant)),
    ];
}
