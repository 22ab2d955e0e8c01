using ActionAgent.Browser;
using ActionAgent.Composition;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The agent's options for a command: bound from the process environment once (<see cref="AgentConfiguration"/>),
/// then the command line's choices on top. Every command composes through <see cref="AgentComposition"/>.
/// </summary>
internal static class CliAgentOptions
{
    /// <param name="planner"><c>--planner</c>: an explicit choice (also replaces a scenario's steps).</param>
    /// <param name="onDevice"><c>--on-device</c>.</param>
    /// <param name="noVision"><c>--no-vision</c>.</param>
    /// <param name="skills"><c>--skills</c>: wins over <c>ACTIONAGENT_SKILLS</c>.</param>
    /// <param name="secretsFile">
    /// A worker's <c>--secrets</c> file: the source after the environment for every variable the binder reads (the
    /// scenarios' secrets, model keys), never written into the process environment.
    /// </param>
    public static AgentOptions Create(string? planner = null, bool onDevice = false, bool noVision = false, string? skills = null,
        IReadOnlyDictionary<string, string>? secretsFile = null)
    {
        var options = secretsFile is null ? AgentConfiguration.FromEnvironment() : AgentConfiguration.FromEnvironment(secretsFile);
        if (!string.IsNullOrWhiteSpace(planner)) options.Planner.Backend = planner;
        options.Planner.OnDevice = onDevice;
        if (noVision) options.WithoutVision();
        if (skills is not null) options.Planner.SkillsFolder = skills;
        return options;
    }

    /// <summary>The composition for a command that chooses nothing on the command line.</summary>
    public static AgentComposition Default() => new(Create());

    /// <summary>
    /// The browser locator with the variables the binder read, for a browser launched outside a run (<c>agent record</c>,
    /// the worker's shared Chromium).
    /// </summary>
    /// <param name="secretsFile">A worker's <c>--secrets</c> file, as in <see cref="Create"/>.</param>
    public static BrowserLocator BrowserLocator(IReadOnlyDictionary<string, string>? secretsFile = null)
    {
        var variables = (secretsFile is null ? AgentConfiguration.FromEnvironment() : AgentConfiguration.FromEnvironment(secretsFile)).Browser.LocatorVariables;
        return ActionAgent.Browser.BrowserLocator.WithVariables(name => variables.TryGetValue(name, out var value) ? value : null);
    }
}
