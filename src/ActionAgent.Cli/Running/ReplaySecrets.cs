using ActionAgent.Core.Scenarios;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The secrets a replay may read, as the user declares them: <c>--scenario FILE</c> (its <c>secrets:</c>) and
/// <c>--secret NAME=ENV_VAR</c> (which wins). A recording's own <c>secretSources</c> are never consulted: a
/// recording from a pull request must not choose which environment variables (a CI token) are read.
/// </summary>
internal static class ReplaySecrets
{
    /// <summary>The secret sources, and the <c>policy.approve</c> of the scenario named (empty without one): the approvals the user asks for.</summary>
    public static IReadOnlyDictionary<string, string>? Declared(IReadOnlyList<string> secretOptions, string? scenarioPath,
        out IReadOnlyList<string> approve, out string? error)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        approve = [];
        if (scenarioPath is not null)
        {
            var loaded = ScenarioInput.Load(scenarioPath, SecretCheck.None);
            if (!loaded.Success)
            {
                error = $"--scenario {scenarioPath}: " + string.Join("; ", loaded.Errors.Select(e => e.ToString()));
                return null;
            }
            foreach (var (name, source) in loaded.Scenario!.Secrets) sources[name] = source.EnvironmentVariable;
            approve = loaded.Scenario.Policy.Approve;
        }
        foreach (var option in secretOptions)
        {
            var eq = option.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? option[..eq].Trim() : "";
            var variable = eq > 0 ? option[(eq + 1)..].Trim() : "";
            if (!IsName(name) || !IsName(variable))
            {
                error = $"--secret {option}: expected NAME=ENV_VAR (a secret name and the environment variable holding it).";
                return null;
            }
            sources[name] = variable;
        }
        error = null;
        return sources;
    }

    private static bool IsName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
