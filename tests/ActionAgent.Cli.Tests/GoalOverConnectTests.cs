using System.Diagnostics;
using ActionAgent.Browser;
using ActionAgent.Sites;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Tests;

/// <summary>
/// `agent run --goal … --connect CDP-URL`: no scenario file, the agent acts in a browser the user already has open,
/// and leaves it open. The pages are read back through the same browser.
/// </summary>
public sealed class GoalOverConnectTests : IAsyncLifetime
{
    private SiteHost _commands = null!;
    private SiteHost _canvas = null!;
    private Process _chromium = null!;
    private DirectoryInfo _profile = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var sites = Path.Combine(AgentProcess.RepositoryRoot, "scenarios", "sites");
        _commands = await SiteHost.StartAsync(Path.Combine(sites, "commands"));
        _canvas = await SiteHost.StartAsync(Path.Combine(sites, "canvas-shop"));
        _profile = Directory.CreateTempSubdirectory("agent-connect-");
        var info = new ProcessStartInfo(BrowserLocator.Default.Locate())
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in BrowserOptions.QuietArgs) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--headless");
        info.ArgumentList.Add("--remote-debugging-port=0");
        info.ArgumentList.Add("--window-size=1280,800");
        info.ArgumentList.Add($"--user-data-dir={_profile.FullName}");
        info.ArgumentList.Add("about:blank");
        _chromium = Process.Start(info)!;
        _chromium.BeginErrorReadLine();
        _chromium.BeginOutputReadLine();
        _port = await ReadDevToolsPortAsync();
    }

    public async Task DisposeAsync()
    {
        _chromium.Kill(entireProcessTree: true);
        await _chromium.WaitForExitAsync();
        _profile.Delete(recursive: true);
        await _commands.DisposeAsync();
        await _canvas.DisposeAsync();
    }

    [Fact]
    public async Task A_goal_of_plain_commands_acts_in_the_connected_browser_and_leaves_it_open()
    {
        await OpenAsync(new Uri(_commands.BaseAddress, "labels.html"));

        var result = await AgentProcess.RunAsync(
            ["run", "--goal", "type Ada into the name field and check \"I agree to the terms\", then click Submit", "--connect", CdpUrl, "--record-to", Recording("labels")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var state = await PageStateAsync("window.pageState");
        Assert.Equal("Ada", state.GetProperty("name").GetString());
        Assert.True(state.GetProperty("agree").GetBoolean());
        Assert.True(state.GetProperty("submitted").GetBoolean());
        Assert.False(_chromium.HasExited);
    }

    [Fact]
    public async Task A_canvas_checkout_with_no_accessibility_is_done_through_the_visual_locator()
    {
        await OpenAsync(_canvas.BaseAddress);

        var result = await AgentProcess.RunAsync(
            ["run", "--goal", "enter 42 in the quantity box and click Pay", "--connect", CdpUrl, "--record-to", Recording("canvas")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var state = await PageStateAsync("window.shopState");
        Assert.True(state.GetProperty("paid").GetBoolean(), state.ToString());
        Assert.Equal(42, state.GetProperty("paidQuantity").GetInt32());
        Assert.Contains("via visual", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canvas_pay_that_only_shows_an_error_is_not_reported_as_a_success()
    {
        await OpenAsync(_canvas.BaseAddress);

        // With no quantity the canvas answers "Enter a quantity first": the click happened, the goal did not.
        var result = await AgentProcess.RunAsync(["run", "--goal", "click Pay", "--connect", CdpUrl, "--record-to", Recording("canvas-error")]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var state = await PageStateAsync("window.shopState");
        Assert.False(state.GetProperty("paid").GetBoolean(), state.ToString());
        Assert.Contains("sub-goal #1", result.Stdout, StringComparison.Ordinal);
    }

    private string CdpUrl => $"http://127.0.0.1:{_port}";

    private string Recording(string name) => Path.Combine(_profile.FullName, "recordings", name);

    private async Task OpenAsync(Uri url)
    {
        using var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.ConnectOverCDPAsync(CdpUrl);
        var page = browser.Contexts[0].Pages[0];
        await page.GotoAsync(url.ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private async Task<System.Text.Json.JsonElement> PageStateAsync(string expression)
    {
        using var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.ConnectOverCDPAsync(CdpUrl);
        var page = browser.Contexts[0].Pages[0];
        var json = await page.EvaluateAsync<string>($"JSON.stringify({expression})");
        return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
    }

    private async Task<int> ReadDevToolsPortAsync()
    {
        var file = Path.Combine(_profile.FullName, "DevToolsActivePort");
        for (var i = 0; i < 150; i++)
        {
            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)) is [var first, ..] && int.TryParse(first, out var port)) return port;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("Chromium did not write DevToolsActivePort within 15 s.");
    }
}
