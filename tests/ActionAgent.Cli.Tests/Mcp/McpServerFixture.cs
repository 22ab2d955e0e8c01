using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ActionAgent.Cli.Tests.Mcp;

/// <summary>
/// One real `agent mcp` process for a test class (its browser and models load once), connected with the MCP SDK's own
/// client over stdio, as an AI tool would. Its recordings go to a temporary folder.
/// </summary>
public class McpServerFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _stderr = new();

    public McpClient Client { get; private set; } = null!;

    /// <summary>The lines of the server's standard output that were not JSON-RPC messages.</summary>
    public StrayLineLog StrayLines { get; } = new();

    /// <summary>The server's standard error so far (its log), for failure messages.</summary>
    public string ServerLog => string.Join('\n', _stderr);

    public DirectoryInfo Output { get; } = Directory.CreateTempSubdirectory("agent-mcp-");

    /// <summary>More of the server's command line, for a class that needs another server.</summary>
    protected virtual IReadOnlyList<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "agent",
            Command = "dotnet",
            Arguments = [AgentProcess.AgentDll, "mcp", "--out", Output.FullName, "--verbose", .. ExtraArguments],
            WorkingDirectory = AgentProcess.RepositoryRoot,
            EnvironmentVariables = new Dictionary<string, string?> { ["NO_COLOR"] = "1" },
            StandardErrorLines = line => _stderr.Enqueue(line),
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        }, StrayLines);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Client = await McpClient.CreateAsync(transport, loggerFactory: StrayLines, cancellationToken: cts.Token);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        Output.Delete(recursive: true);
    }

    /// <summary>Calls a tool with a generous limit (a run on a busy two-core machine takes tens of seconds).</summary>
    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await Client.CallToolAsync(tool, arguments, cancellationToken: cts.Token);
    }

    /// <summary>The result's text content, one block a line.</summary>
    public static string Text(CallToolResult result) => string.Join('\n', result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}

/// <summary>
/// A logger factory that keeps the lines the MCP client's transport could not read as JSON-RPC: a server that writes
/// anything but protocol messages on standard output (a banner, a native library's warning) shows up here. The SDK
/// logs such a line at trace level as "message parsing failed" (StrayStdoutCheckTests keeps that true).
/// </summary>
public sealed class StrayLineLog : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(StrayLineLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains("parsing failed", StringComparison.OrdinalIgnoreCase)) owner._lines.Enqueue(message);
        }
    }
}
