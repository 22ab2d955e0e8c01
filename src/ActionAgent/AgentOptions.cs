using ActionAgent.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ActionAgent;

/// <summary>
/// Everything that makes a working agent: the browser, the planner, the screen check, the language models, the policy
/// and where recordings go. Set it from code (the <c>Use…</c> methods), or bind it from configuration or the
/// environment with <see cref="AgentConfiguration"/>, the one place that reads either.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>The browser the agent drives.</summary>
    public BrowserSettings Browser { get; } = new();

    /// <summary>The goal planner.</summary>
    public PlannerSettings Planner { get; } = new();

    /// <summary>The screen check and the visual locator.</summary>
    public VisionSettings Vision { get; } = new();

    /// <summary>The language models a remote planner or the screen check's escalation may use.</summary>
    public ModelSettings Models { get; } = new();

    /// <summary>The desktop session desktop scenarios run in.</summary>
    public DesktopSettings Desktop { get; } = new();

    /// <summary>Where the agent may go and which steps need approval.</summary>
    public PolicySettings Policy { get; } = new();

    /// <summary>Where runs are recorded.</summary>
    public RecordingSettings Recording { get; } = new();

    /// <summary>The folder that holds the demo sites (<c>scenarios/sites</c>) for <c>site:NAME</c> start URLs.</summary>
    /// <value>The default value is null: the nearest <c>scenarios/sites</c> above the scenario, recording or working directory.</value>
    public string? SitesFolder { get; set; }

    /// <summary>
    /// Reads the value of an environment variable a scenario's secret names (<c>secrets: { card: { env: CARD } }</c>).
    /// Only the names a scenario (or the person replaying) declares are ever asked for.
    /// </summary>
    /// <value>The default value reads nothing; <see cref="AgentConfiguration.FromEnvironment()"/> sets it to the process environment.</value>
    public Func<string, string?> SecretVariables { get; set; } = static _ => null;

    /// <summary>Where the library logs (the run's own log is written into its recording folder as well).</summary>
    /// <value>The default value is null: no logging.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Drive the local Chromium (headless unless <paramref name="headed"/>).</summary>
    /// <param name="headed">Show the browser window (needs a display).</param>
    /// <returns>These options.</returns>
    public AgentOptions UseChromium(bool headed = false)
    {
        Browser.Headed = headed;
        Browser.CdpEndpoint = null;
        return this;
    }

    /// <summary>Attach to a running Chromium over CDP (<c>http://127.0.0.1:9222</c>) instead of launching one.</summary>
    /// <param name="cdpEndpoint">The browser's CDP URL.</param>
    /// <returns>These options.</returns>
    public AgentOptions UseRunningChromium(string cdpEndpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cdpEndpoint);
        Browser.CdpEndpoint = cdpEndpoint;
        return this;
    }

    /// <summary>Plan goals with the offline planner (embedded models; no key, no network).</summary>
    /// <param name="skillsFolder">A folder of the user's own skills (YAML), beside the built-in ones.</param>
    /// <returns>These options.</returns>
    public AgentOptions UseOfflinePlanner(string? skillsFolder = null)
    {
        Planner.Backend = "offline";
        if (skillsFolder is not null) Planner.SkillsFolder = skillsFolder;
        return this;
    }

    /// <summary>Plan goals with a language model: <c>openai</c>, <c>azure</c> or <c>compatible</c> (configured in <see cref="Models"/>).</summary>
    /// <param name="backend">The backend's name.</param>
    /// <returns>These options.</returns>
    public AgentOptions UseLanguageModelPlanner(string backend)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backend);
        Planner.Backend = backend;
        return this;
    }

    /// <summary>Run without the screen check and the visual locator.</summary>
    /// <returns>These options.</returns>
    public AgentOptions WithoutVision()
    {
        Vision.Enabled = false;
        return this;
    }

    /// <summary>Allow only these hosts (subdomains included); without any, a run may reach only the host it starts on.</summary>
    /// <param name="domains">The hosts.</param>
    /// <returns>These options.</returns>
    public AgentOptions AllowDomains(params string[] domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        foreach (var domain in domains) Policy.AllowDomains.Add(domain);
        return this;
    }

    /// <summary>Approve steps the policy marks as sensitive with <paramref name="gate"/> (without one, such a step fails the run).</summary>
    /// <param name="gate">The approval gate.</param>
    /// <returns>These options.</returns>
    public AgentOptions UseApprovals(IApprovalGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        Policy.Approvals = gate;
        return this;
    }

    /// <summary>Write each run's recording folder under <paramref name="folder"/>.</summary>
    /// <param name="folder">The parent folder of the recordings.</param>
    /// <returns>These options.</returns>
    public AgentOptions RecordTo(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Recording.Folder = folder;
        return this;
    }

    /// <summary>Log through <paramref name="loggerFactory"/>.</summary>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>These options.</returns>
    public AgentOptions UseLogging(ILoggerFactory loggerFactory)
    {
        LoggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }
}
