namespace ActionAgent;

/// <summary>
/// The language-model settings, by the variable names the agent documents (<c>ACTIONAGENT_PLANNER</c>,
/// <c>OPENAI_API_KEY</c>, <c>ACTIONAGENT_LLM_BASE_URL</c>, …; see <c>agent models</c>). Nothing is sent to a remote
/// model unless a remote planner is chosen.
/// </summary>
public sealed class ModelSettings
{
    /// <summary>The values by variable name.</summary>
    public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The value of one variable, or null.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The value, or null when it is not set.</returns>
    public string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
