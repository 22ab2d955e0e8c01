namespace ActionAgent.Cli.Mcp;

/// <summary>
/// The one <see cref="Agent"/> the server's tools share: created on the first tool call that needs it (so listing
/// tools or a refused call opens no browser), and disposed when the server stops, which closes its browser and demo site.
/// </summary>
internal sealed class McpAgentSession(AgentOptions options, McpPolicy policy) : IAsyncDisposable
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private Agent? _agent;
    private bool _disposed;

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
        }
        finally
        {
            _creating.Release();
        }
    }
}
