using ActionAgent.Composition;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Desktop;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Cli.Mcp;

/// <summary>
/// The one <see cref="Agent"/> the server's tools share: created on the first tool call that needs it (so listing
/// tools or a refused call opens no browser), and disposed when the server stops, which closes its browser and demo site.
/// A server started with <c>--desktop</c> or <c>--attach</c> is a desktop session instead: its one desktop app (launched
/// or attached on first use, through the AT-SPI driver) is what the tools observe and photograph.
/// </summary>
internal sealed class McpAgentSession(AgentOptions options, McpPolicy policy, DesktopOptions? desktop = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private Agent? _agent;
    private AtSpiDriver? _desktopDriver;
    private bool _disposed;

    /// <summary>The desktop app the session drives (the user named it on the command line), or null for a browser session.</summary>
    public DesktopOptions? Desktop { get; } = desktop;

    /// <summary>Whether this is a desktop session.</summary>
    public bool IsDesktop => Desktop is not null;

    /// <summary>The desktop app's driver, launching or attaching to the app on first use.</summary>
    public async Task<AtSpiDriver> DesktopDriverAsync(CancellationToken cancellationToken)
    {
        var settings = Desktop ?? throw new InvalidOperationException("This server drives a browser, not a desktop app (start it with --desktop or --attach).");
        if (_desktopDriver is { } driver) return driver;
        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _desktopDriver ??= await AtSpiDriver.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>What the user allows.</summary>
    public McpPolicy Policy { get; } = policy;

    /// <summary>The agent's options (composed once from the command line and the environment).</summary>
    public AgentOptions Options { get; } = options;

    /// <summary>The agent if one was created, else null (no page yet either).</summary>
    public Agent? Current => _agent;

    /// <summary>The agent, created on first use.</summary>
    public async Task<Agent> AgentAsync(CancellationToken cancellationToken)
    {
        if (_agent is { } agent) return agent;
        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _agent ??= await Agent.CreateAsync(Options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>
    /// Carries out one goal on the desktop app, as <c>agent run</c> does with a desktop scenario: the same planner
    /// choice, perception, engine and recording, on the session's driver (the app stays open for the next call).
    /// </summary>
    public async Task<AgentRunResult> ActOnDesktopAsync(string goal, CancellationToken cancellationToken)
    {
        var app = Desktop ?? throw new InvalidOperationException("This server drives a browser, not a desktop app.");
        var driver = await DesktopDriverAsync(cancellationToken).ConfigureAwait(false);
        var composition = new AgentComposition(Options);
        var scenario = new Scenario
        {
            Name = "mcp-act",
            Goal = goal,
            App = new AppSpec { Desktop = new DesktopAppSpec { Launch = app.Launch, Attach = app.Attach, Window = app.Window, Wait = app.WindowTimeout } },
            Policy = new RunPolicy { AllowApps = app.AllowedApps },
        };
        var perception = composition.CreatePerception();
        var planner = composition.CreatePlanner(scenario, perception, out var error) ?? throw new ArgumentException(error ?? "No planner could be chosen.");
        var folder = composition.RecordingFolderFor(scenario.Name);
        var writer = new RecordingWriter(folder);
        var services = composition.CreateEngineServices(perception, Options.LoggerFactory ?? NullLoggerFactory.Instance);
        var result = await AgentComposition.RunAsync(driver, planner, writer, services, new RunRequest { Scenario = scenario, Secrets = SecretVault.Empty },
            folder, cancellationToken).ConfigureAwait(false);
        var report = AgentComposition.ReportPath(folder);
        return new AgentRunResult
        {
            Goal = goal,
            State = result.FinalState,
            Reason = result.Reason,
            StepCount = result.Steps.Count,
            Expectations = result.Expectations,
            Variables = result.Variables,
            RecordingFolder = folder,
            ReportPath = File.Exists(report) ? report : null,
            Duration = result.Duration,
            Details = result,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _creating.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_agent is not null) await _agent.DisposeAsync().ConfigureAwait(false);
            if (_desktopDriver is not null) await _desktopDriver.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _creating.Release();
        }
    }
}
