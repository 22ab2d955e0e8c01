using System.Globalization;
using ActionAgent.Browser;
using ActionAgent.Core.Engine;
using ActionAgent.Planning.SemanticKernel;
using Microsoft.Extensions.Configuration;

namespace ActionAgent;

/// <summary>
/// Binds <see cref="AgentOptions"/> from configuration or from the environment: the one place the agent reads either.
/// Everything else takes what it needs from the options, so no class reads a variable another class set.
/// </summary>
/// <remarks>
/// This is the only library type that reads the process environment (a test in <c>ActionAgent.Tests</c> scans the
/// sources to keep it so): the browser locator's, the desktop session's, the model and skills variables and the
/// secrets' lookup all come from here. The <c>agent</c> command line's own presentation values are read once in its
/// <c>CliEnvironment</c>.
/// </remarks>
/// <remarks>
/// Configuration keys (under the section given, usually <c>ActionAgent</c>): <c>Browser:Headed</c>,
/// <c>Browser:ExecutablePath</c>, <c>Browser:CdpEndpoint</c>, <c>Planner:Backend</c>, <c>Planner:SkillsFolder</c>,
/// <c>Planner:OnDevice</c>, <c>Vision:Enabled</c>, <c>Models:OPENAI_API_KEY</c> (any model variable),
/// <c>Policy:AllowDomains:0</c>…, <c>Recording:Folder</c>, <c>Recording:ReplayFolder</c>, <c>Recording:Trace</c>,
/// <c>Recording:Screenshots</c> (<c>all</c> or <c>failures</c>),
/// <c>SitesFolder</c>.
/// </remarks>
public static class AgentConfiguration
{
    /// <summary>The variable naming the user's skills folder.</summary>
    public const string SkillsVariable = "ACTIONAGENT_SKILLS";

    /// <summary>The model variables read from the environment (the planner choice, keys, endpoints, model names).</summary>
    public static IReadOnlyList<string> ModelVariables => LlmPlannerOptions.EnvironmentVariables;

    /// <summary>Options from the process environment: what the <c>agent</c> command starts from.</summary>
    /// <returns>New options.</returns>
    public static AgentOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Options from the process environment, then <paramref name="fallback"/> for every variable the environment does
    /// not set: a worker's secrets file (<c>--secrets</c>), which is never written into the process environment, so
    /// its values reach the runs' secrets and settings but no child process.
    /// </summary>
    /// <param name="fallback">Values by variable name.</param>
    /// <returns>New options.</returns>
    public static AgentOptions FromEnvironment(IReadOnlyDictionary<string, string> fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return FromEnvironment(name => Environment.GetEnvironmentVariable(name) ?? fallback.GetValueOrDefault(name));
    }

    /// <summary>
    /// Options from an environment: the skills folder (<c>ACTIONAGENT_SKILLS</c>), the model variables
    /// (<see cref="ModelVariables"/>), the browser locator's variables (<see cref="BrowserLocator.VariableNames"/>),
    /// the desktop session (<c>DISPLAY</c>, <c>DBUS_SESSION_BUS_ADDRESS</c>, <c>AT_SPI_BUS_ADDRESS</c>), and the lookup
    /// of the variables scenarios' secrets name.
    /// </summary>
    /// <param name="environment">Reads a variable.</param>
    /// <returns>New options.</returns>
    public static AgentOptions FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new AgentOptions();
        if (environment(SkillsVariable) is { Length: > 0 } skills) options.Planner.SkillsFolder = skills;
        foreach (var name in ModelVariables)
        {
            if (environment(name) is { Length: > 0 } value) options.Models.Variables[name] = value;
        }
        foreach (var name in BrowserLocator.VariableNames)
        {
            if (environment(name) is { } value) options.Browser.LocatorVariables[name] = value;
        }
        options.Desktop.Display = environment("DISPLAY");
        options.Desktop.SessionBusAddress = environment("DBUS_SESSION_BUS_ADDRESS");
        options.Desktop.AccessibilityBusAddress = environment("AT_SPI_BUS_ADDRESS");
        options.SecretVariables = environment;
        return options;
    }

    /// <summary>Overlays <paramref name="configuration"/> (a section such as <c>ActionAgent</c>) on <paramref name="options"/>.</summary>
    /// <param name="options">The options to change.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="FormatException">A value cannot be read; the message names the key.</exception>
    public static AgentOptions Bind(AgentOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (Bool(configuration, "Browser:Headed") is { } headed) options.Browser.Headed = headed;
        if (configuration["Browser:ExecutablePath"] is { Length: > 0 } executable) options.Browser.ExecutablePath = executable;
        if (configuration["Browser:CdpEndpoint"] is { Length: > 0 } cdp) options.Browser.CdpEndpoint = cdp;
        if (Int(configuration, "Browser:ViewportWidth") is { } width) options.Browser.ViewportWidth = width;
        if (Int(configuration, "Browser:ViewportHeight") is { } height) options.Browser.ViewportHeight = height;
        if (configuration["Browser:DownloadsFolder"] is { Length: > 0 } downloads) options.Browser.DownloadsFolder = downloads;
        if (configuration["Planner:Backend"] is { Length: > 0 } backend) options.Planner.Backend = backend;
        if (configuration["Planner:SkillsFolder"] is { Length: > 0 } skills) options.Planner.SkillsFolder = skills;
        if (Bool(configuration, "Planner:OnDevice") is { } onDevice) options.Planner.OnDevice = onDevice;
        if (Bool(configuration, "Vision:Enabled") is { } vision) options.Vision.Enabled = vision;
        foreach (var model in configuration.GetSection("Models").GetChildren())
        {
            if (model.Value is { Length: > 0 } value) options.Models.Variables[model.Key] = value;
        }
        foreach (var domain in configuration.GetSection("Policy:AllowDomains").GetChildren())
        {
            if (domain.Value is { Length: > 0 } value) options.Policy.AllowDomains.Add(value);
        }
        if (configuration["Recording:Folder"] is { Length: > 0 } folder) options.Recording.Folder = folder;
        if (configuration["Recording:ReplayFolder"] is { Length: > 0 } replays) options.Recording.ReplayFolder = replays;
        if (Bool(configuration, "Recording:Trace") is { } trace) options.Recording.Trace = trace;
        if (configuration["Recording:Screenshots"] is { Length: > 0 } shots)
        {
            options.Recording.Screenshots = RunScreenshotsNames.Parse(shots)
                ?? throw new FormatException($"Recording:Screenshots: \"{shots}\" is not all or failures.");
        }
        if (configuration["SitesFolder"] is { Length: > 0 } sites) options.SitesFolder = sites;
        return options;
    }

    private static bool? Bool(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new FormatException($"{key}: \"{text}\" is not true or false."),
    };

    private static int? Int(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => null,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new FormatException($"{key}: \"{text}\" is not a positive whole number."),
    };
}
