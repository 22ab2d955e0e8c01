using ActionAgent.Core.Secrets;

namespace ActionAgent.Cli.Logging;

/// <summary>
/// Every secret value this process has loaded (each run's or replay's vault, the worker's runs), so that what is
/// written outside a run's own writers — the catch-all error line of <see cref="CliErrors.Unhandled"/> and its stack
/// trace — is masked with the same <see cref="SecretVault.Mask"/> as the logs, recordings and reports. Values are kept
/// once each, so a long-running worker does not grow with its runs.
/// </summary>
internal static class KnownSecrets
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Values = new(StringComparer.Ordinal);
    private static SecretVault _vault = SecretVault.Empty;

    /// <summary>Adds a vault's values.</summary>
    public static void Remember(SecretVault vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        lock (Gate)
        {
            var added = false;
            foreach (var name in vault.Names)
            {
                if (vault.TryGet(name, out var value) && value.Length > 0) added |= Values.Add(value);
            }
            if (added) _vault = new SecretVault(Values.Select((v, i) => (v, i)).ToDictionary(x => $"secret{x.i}", x => x.v, StringComparer.Ordinal));
        }
    }

    /// <summary>The text with every known secret value masked.</summary>
    public static string Mask(string text)
    {
        SecretVault vault;
        lock (Gate) vault = _vault;
        return vault.Mask(text);
    }

    /// <summary>Forgets every value (tests).</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            Values.Clear();
            _vault = SecretVault.Empty;
        }
    }
}
