using ModelContextProtocol.Client;

namespace ActionAgent.Cli.Tests.Mcp;

/// <summary>
/// Keeps <see cref="StrayLineLog"/> honest: McpServerTests asserts the server's standard output held nothing but
/// JSON-RPC by finding no stray line there, which proves something only if a stray line would be found.
/// </summary>
public sealed class StrayStdoutCheckTests
{
    [Fact]
    public async Task A_line_on_the_servers_stdout_that_is_not_json_rpc_is_caught_by_the_stray_line_log()
    {
        var log = new StrayLineLog();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "agent",
            Command = "sh",
            Arguments = ["-c", $"echo 'a banner on stdout'; exec dotnet \"{AgentProcess.AgentDll}\" mcp"],
            WorkingDirectory = AgentProcess.RepositoryRoot,
        }, log);
        await using var client = await McpClient.CreateAsync(transport, loggerFactory: log);

        await client.ListToolsAsync();

        Assert.Contains(log.Lines, line => line.Contains("a banner on stdout", StringComparison.Ordinal));
    }
}
