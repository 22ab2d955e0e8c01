using ActionAgent.TestSupport;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ActionAgent.Desktop.Tests;

/// <summary>
/// <c>agent mcp --desktop APP</c>: the MCP server's observe and screenshot tools on a desktop session, through the
/// SDK's own client over stdio, with a real zenity form under AT-SPI.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class McpDesktopTests(DesktopSession session)
{
    [Fact]
    public async Task Observe_on_a_desktop_session_returns_the_apps_accessibility_tree_act_types_in_it_and_screenshot_shows_the_display()
    {
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var environment = session.Environment.ToDictionary(p => p.Key, p => p.Value);
        environment["NO_COLOR"] = "1";
        var output = Directory.CreateTempSubdirectory("agent-mcp-desktop-");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "agent",
            Command = "dotnet",
            Arguments = [AgentProcess.AgentDll, "mcp", "--out", output.FullName, "--no-vision",
                "--desktop", "zenity --forms --title=Passenger --text='Passenger details' --add-entry=Name --add-entry=City", "--window", "Passenger"],
            WorkingDirectory = AgentProcess.RepositoryRoot,
            EnvironmentVariables = environment,
            StandardErrorLines = log.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: cts.Token);

        var observed = await client.CallToolAsync("observe", cancellationToken: cts.Token);
        var text = string.Join('\n', observed.Content.OfType<TextContentBlock>().Select(t => t.Text));

        Assert.True(observed.IsError != true, text + "\n" + string.Join('\n', log));
        Assert.StartsWith("App: desktop:zenity", text, StringComparison.Ordinal);
        Assert.Contains("Window: Passenger", text, StringComparison.Ordinal);
        // A field's states come before its ref ("textbox "Name" [active] [ref=d5]"): the focus may be anywhere.
        Assert.Matches(@"textbox ""Name"" (\[[a-z=]+\] )*\[ref=d\d+\] \[box=", text);
        Assert.Matches(@"textbox ""City"" (\[[a-z=]+\] )*\[ref=d\d+\] \[box=", text);
        Assert.True(text.Contains("button \"OK\"", StringComparison.Ordinal), text);

        var shot = await client.CallToolAsync("screenshot", cancellationToken: cts.Token);
        var image = Assert.IsType<ImageContentBlock>(Assert.Single(shot.Content));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, image.DecodedData.Span[..4].ToArray());

        var acted = await client.CallToolAsync("act", new Dictionary<string, object?> { ["goal"] = "type Ada into Name" }, cancellationToken: cts.Token);
        var actText = string.Join('\n', acted.Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.True(acted.IsError != true, actText + "\n" + string.Join('\n', log));
        Assert.Contains("\"outcome\":\"succeeded\"", actText.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var after = string.Join('\n', (await client.CallToolAsync("observe", cancellationToken: cts.Token)).Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.Matches("textbox \"Name\" .*: \"Ada\"", after);

        var browser = await client.CallToolAsync("run_goal", new Dictionary<string, object?> { ["goal"] = "search", ["startUrl"] = "site:skyfare" }, cancellationToken: cts.Token);
        Assert.True(browser.IsError);
        Assert.Contains("not served on a desktop session", string.Join('\n', browser.Content.OfType<TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);
        output.Delete(recursive: true);
    }
}
