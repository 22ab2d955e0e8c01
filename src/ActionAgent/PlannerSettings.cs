namespace ActionAgent;

/// <summary>The goal planner.</summary>
public sealed class PlannerSettings
{
    /// <summary>
    /// The planner asked for explicitly: <c>offline</c>, <c>openai</c>, <c>azure</c> or <c>compatible</c>. An explicit
    /// choice also replaces a scenario's written steps; without one, <c>ACTIONAGENT_PLANNER</c> (in
    /// <see cref="ModelSettings.Variables"/>) decides, and a scenario's steps are kept.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? Backend { get; set; }

    /// <summary>A folder of the user's own skills (YAML) and <c>verbs.yaml</c>, beside the built-in ones.</summary>
    /// <value>The default value is null: none.</value>
    public string? SkillsFolder { get; set; }

    /// <summary>Use only models on this machine (embedded, or a compatible server on loopback).</summary>
    /// <value>The default value is false.</value>
    public bool OnDevice { get; set; }
}
