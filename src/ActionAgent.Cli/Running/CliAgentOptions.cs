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
    public static AgentOptions Create(string? planner = null, bool onDevice = false, bool noVision = false, string? skills = null)
    {
        var options = AgentConfiguration.FromEnvironment();
        if (!string.IsNullOrWhiteSpace(planner)) options.Planner.Backend = planner;
        options.Planner.OnDevice = onDevice;
        if (noVision) options.WithoutVision();
        if (skills is not null) options.Planner.SkillsFolder = skills;
        // The library logs through Microsoft.Extensions.Logging; the CLI's sink stays Serilog.
        options.LoggerFactory = new Serilog.Extensions.Logging.SerilogLoggerFactory();
        return options;
    }

    /// <summary>The composition for a command that chooses nothing on the command line.</summary>
    public static AgentComposition Default() => new(Create());
}
