using Microsoft.Playwright;

namespace ActionAgent;

/// <summary>Creates agents from the options a host registered with <see cref="ServiceCollectionExtensions.AddActionAgent"/>.</summary>
public sealed class AgentFactory
{
    private readonly AgentOptions _options;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The registered options.</param>
    public AgentFactory(AgentOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>An agent with its own browser.</summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The agent; dispose it.</returns>
    public Task<Agent> CreateAsync(CancellationToken cancellationToken = default) => Agent.CreateAsync(_options, cancellationToken);

    /// <summary>An agent acting on <paramref name="page"/>, with the registered options' policy, planner and vision.</summary>
    /// <param name="page">The page, which stays the caller's.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The agent; dispose it.</returns>
    public Task<Agent> ForPageAsync(IPage page, CancellationToken cancellationToken = default) =>
        Agent.ForPageAsync(page, o => Copy(_options, o), cancellationToken);

    // Also the xUnit kit's: each test's agent over its own page gets the fixture's options this way.
    internal static void Copy(AgentOptions from, AgentOptions to)
    {
        to.Planner.Backend = from.Planner.Backend;
        to.Planner.SkillsFolder = from.Planner.SkillsFolder;
        to.Planner.OnDevice = from.Planner.OnDevice;
        to.Vision.Enabled = from.Vision.Enabled;
        foreach (var (name, value) in from.Browser.LocatorVariables) to.Browser.LocatorVariables[name] = value;
        to.Desktop.Display = from.Desktop.Display;
        to.Desktop.SessionBusAddress = from.Desktop.SessionBusAddress;
        to.Desktop.AccessibilityBusAddress = from.Desktop.AccessibilityBusAddress;
        foreach (var (name, value) in from.Models.Variables) to.Models.Variables[name] = value;
        foreach (var domain in from.Policy.AllowDomains) to.Policy.AllowDomains.Add(domain);
        to.Policy.Approvals = from.Policy.Approvals;
        to.Recording.Folder = from.Recording.Folder;
        to.Recording.ReplayFolder = from.Recording.ReplayFolder;
        to.Recording.Trace = from.Recording.Trace;
        to.SitesFolder = from.SitesFolder;
        to.SecretVariables = from.SecretVariables;
        to.LoggerFactory = from.LoggerFactory;
        to.Time = from.Time;
    }
}
