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
            // Card numbers are often shown regrouped: mask the digits-only form too.
            var digits = new string([.. value.Where(char.IsDigit)]);
            if (digits.Length >= 6 && digits != value) text = text.Replace(digits, MaskText, StringComparison.Ordinal);
        }
        return text;
    }
}
