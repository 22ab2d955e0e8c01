using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Secrets;

/// <summary>
/// Placeholders in a target's fields (<c>option "${inputs.trip.destination}"</c>): resolved from inputs and extracted
/// variables before acting, and kept unresolved in recordings so a replay's <c>--param</c> can change them.
/// Secrets never appear in targets (the scenario loader refuses them there), so they are not resolved here.
/// </summary>
public static class TargetTemplate
{
    /// <summary>The placeholders in every field of a target, as <c>scope.name</c>.</summary>
    public static IReadOnlyList<string> Placeholders(ElementTarget? target) =>
        target is null ? [] :
        [.. Fields(target).SelectMany(ValueTemplate.Placeholders).Select(p => $"{p.Scope}.{p.Name}").Distinct(StringComparer.Ordinal)];

    /// <summary>The target with every placeholder resolved (unknown names stay as written).</summary>
    public static ElementTarget Resolve(ElementTarget target, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(target);
        string? R(string? text) => text is null || !text.Contains("${", StringComparison.Ordinal)
            ? text
            : ValueTemplate.Resolve(text, inputs, SecretVault.Empty, variables, out _);
        return target with
        {
            Name = R(target.Name), Text = R(target.Text), Label = R(target.Label), Placeholder = R(target.Placeholder),
            Css = R(target.Css), XPath = R(target.XPath), TestId = R(target.TestId), Description = R(target.Description),
        };
    }

    private static IEnumerable<string?> Fields(ElementTarget t) => [t.Name, t.Text, t.Label, t.Placeholder, t.Css, t.XPath, t.TestId, t.Description];
}
