using ActionAgent.Desktop;

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
