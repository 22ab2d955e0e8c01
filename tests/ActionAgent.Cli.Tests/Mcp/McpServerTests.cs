using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace ActionAgent.Cli.Tests.Mcp;

/// <summary>
/// `agent mcp` as an AI tool sees it: the real server process, the SDK's client over stdio, the SkyFare demo site in
/// a real Chromium. One server for the class; every test that needs a page starts its own with run_goal.
/// </summary>
public sealed class McpServerTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private const string SkyFare = "site:skyfare/?today=2026-11-28";

    [Fact]
    public async Task The_server_lists_the_five_agent_tools()
    {
        var tools = await server.Client.ListToolsAsync();

        Assert.Equal(["act", "observe", "replay", "run_goal", "screenshot"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mcp_help_shows_a_client_configuration_that_starts_the_server()
    {
        var help = await AgentProcess.RunAsync(["mcp", "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("\"mcpServers\": {", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"args\": [\"mcp\"", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flight_search_through_run_goal_and_act_shows_the_results_in_observe()
    {
        var run = await server.CallAsync("run_goal", new()
        {
            ["goal"] = "type Rome in From, type Oslo in To, type 2026-12-24 in Departure date",
            ["startUrl"] = SkyFare,
        });
        Assert.False(run.IsError, McpServerFixture.Text(run) + "\n" + server.ServerLog);
        var search = await server.CallAsync("act", new() { ["goal"] = "click Search flights" });
        Assert.False(search.IsError, McpServerFixture.Text(search) + "\n" + server.ServerLog);

        var page = McpServerFixture.Text(await server.CallAsync("observe"));

        Assert.Contains("heading \"Flights from Rome (FCO) to Oslo (OSL)\"", page, StringComparison.Ordinal);
        Assert.Matches("flights? found", page);
        Assert.Empty(server.StrayLines.Lines); // every line on the server's stdout was JSON-RPC, with a browser and the models running
    }

    [Fact]
    public async Task A_start_url_outside_the_allow_list_is_refused_with_an_error_result()
    {
        var result = await server.CallAsync("run_goal", new() { ["goal"] = "search for flights", ["startUrl"] = "https://example.com/" });

        Assert.True(result.IsError);
        Assert.Contains("example.com is outside the allow-list (127.0.0.1, localhost)", McpServerFixture.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_required_argument_is_an_error_result_naming_it()
    {
        var result = await server.CallAsync("run_goal", new() { ["goal"] = "search for flights", ["start_url"] = SkyFare });

        Assert.True(result.IsError);
        Assert.Contains("there is no argument 'start_url'; the arguments are 'goal', 'startUrl'", McpServerFixture.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshot_returns_the_current_page_as_a_png_image()
    {
        var run = await server.CallAsync("run_goal", new() { ["goal"] = "type Rome in From", ["startUrl"] = SkyFare });
        Assert.False(run.IsError, McpServerFixture.Text(run));

        var result = await server.CallAsync("screenshot");

        var image = Assert.IsType<ImageContentBlock>(Assert.Single(result.Content));
        Assert.Equal("image/png", image.MimeType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, image.DecodedData.Span[..8].ToArray());
    }

    [Fact]
    public async Task Replaying_a_run_goal_recording_passes_with_a_verdict_per_step()
    {
        var run = await server.CallAsync("run_goal", new() { ["goal"] = "type Oslo in To", ["startUrl"] = SkyFare });
        Assert.False(run.IsError, McpServerFixture.Text(run));
        var folder = JsonDocument.Parse(McpServerFixture.Text(run)).RootElement.GetProperty("recordingFolder").GetString()!;

        var replay = await server.CallAsync("replay", new() { ["recording"] = folder });

        Assert.False(replay.IsError, McpServerFixture.Text(replay));
        var verdict = JsonDocument.Parse(McpServerFixture.Text(replay)).RootElement;
        Assert.Equal("passed", verdict.GetProperty("outcome").GetString());
        var steps = verdict.GetProperty("steps").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.Contains(s.GetProperty("verdict").GetString(), new[] { "passed", "healed" }));
    }
}
