using System.Text.RegularExpressions;

namespace ActionAgent.Core.Secrets;

/// <summary>
/// Resolves <c>${inputs.NAME}</c>, <c>${secrets.NAME}</c> and <c>${vars.NAME}</c> placeholders in step values.
/// </summary>
public static partial class ValueTemplate
{
    /// <summary>The placeholders in a text, as (scope, name) pairs.</summary>
    public static IReadOnlyList<(string Scope, string Name)> Placeholders(string? text) =>
        text is null ? [] : [.. Pattern().Matches(text).Select(m => (m.Groups["scope"].Value, m.Groups["name"].Value))];

    /// <summary>Whether the text refers to a secret.</summary>
    public static bool ReferencesSecret(string? text) => Placeholders(text).Any(p => p.Scope == "secrets");

    /// <summary>
    /// Resolves every placeholder. Unknown names stay as they are and are listed in <paramref name="unresolved"/>.
    /// </summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> inputs, SecretVault secrets,
        IReadOnlyDictionary<string, string> variables, out IReadOnlyList<string> unresolved)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        var missing = new List<string>();
        var result = Pattern().Replace(text, match =>
        {
            var scope = match.Groups["scope"].Value;
            var name = match.Groups["name"].Value;
            string? value = scope switch
            {
                "inputs" => inputs.TryGetValue(name, out var i) ? i : null,
                "secrets" => secrets.TryGet(name, out var s) ? s : null,
                _ => variables.TryGetValue(name, out var v) ? v : null,
            };
            if (value is null) missing.Add($"{scope}.{name}");
            return value ?? match.Value;
        });
        unresolved = missing;
        return result;
    }

    /// <summary>
    /// Puts the inputs' values into a text a planner reads (a goal). <c>${secrets.NAME}</c> stays a placeholder: a planner
    /// may be a remote model, and a secret never reaches one (the step it writes carries the placeholder, filled in when
    /// the step acts). <c>${vars.NAME}</c> stays too (no value before the run reads one), as does an unknown input.
    /// </summary>
    public static string ResolveInputs(string text, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(inputs);
        return Pattern().Replace(text, match =>
            match.Groups["scope"].Value == "inputs" && inputs.TryGetValue(match.Groups["name"].Value, out var value) ? value : match.Value);
    }

    [GeneratedRegex(@"\$\{(?<scope>inputs|secrets|vars)\.(?<name>[A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Pattern();
}
