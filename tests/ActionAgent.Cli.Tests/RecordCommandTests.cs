using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Tests;

/// <summary>
/// `agent record` under a display (Xvfb): a person's clicks and typing are synthesised through Playwright connected to
/// the same headed Chromium over CDP; the recording the command writes then replays.
/// </summary>
public sealed class RecordCommandTests
{
    [Fact]
    public async Task Recording_made_by_synthetic_input_in_a_headed_browser_replays()
    {
        using var display = VirtualDisplay.Ensure();
        var folder = Path.Combine(Path.GetTempPath(), "aa-record-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        await using var agent = AgentProcess.Start(["record", "site:skyfare/?today=2026-11-28", "--out", folder, "--cdp-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--until-url", "#results", "--duration", "2m"], display.Environment);
        using (var playwright = await Playwright.CreateAsync())
        {
            var browser = await ConnectAsync(playwright, port, agent);
            var page = await FirstPageAsync(browser);
            await page.WaitForFunctionAsync("() => window.__actionagentRecorder === true && location.search.includes('today')");

            await page.GetByRole(AriaRole.Button, new() { Name = "Accept all" }).ClickAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "From" }).ClickAsync();
            await page.Keyboard.TypeAsync("Lon", new() { Delay = 40 });
            await page.GetByRole(AriaRole.Option, new() { Name = "London (LHR)" }).ClickAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "To" }).ClickAsync();
            await page.Keyboard.TypeAsync("Par", new() { Delay = 40 });
            await page.GetByRole(AriaRole.Option, new() { Name = "Paris (CDG)" }).ClickAsync();
            await page.GetByLabel("Departure date").ClickAsync();
            await page.Keyboard.TypeAsync("2026-12-24", new() { Delay = 20 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Search flights" }).ClickAsync();

            var exitCode = await agent.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, $"agent record exited {exitCode}:\n{agent.Output}");
        }

        var replay = await AgentProcess.RunAsync(["replay", folder, "--out", Path.Combine(folder, "replay")]);

        Assert.True(replay.ExitCode == 0, $"{replay}\nrecorded:\n{agent.Output}\n{File.ReadAllText(Path.Combine(folder, "recording.json"))}");
        Assert.Contains("0 heals", replay.Flat, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    // The CDP endpoint answers before the recorder's tab exists: wait for it (an event, polled briefly).
    private static async Task<IPage> FirstPageAsync(IBrowser browser)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (browser.Contexts.FirstOrDefault()?.Pages.FirstOrDefault() is { } page) return page;
            if (browser.Contexts.FirstOrDefault() is { } context)
            {
                try
                {
                    return await context.WaitForPageAsync(new() { Timeout = 1000 });
                }
                catch (TimeoutException)
                {
                    continue;
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("agent record's browser opened no page within 30 s.");
    }

    private static async Task<IBrowser> ConnectAsync(IPlaywright playwright, int port, AgentProcess agent)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (agent.HasExited) throw new InvalidOperationException($"agent record exited early ({agent.ExitCode}):\n{agent.Output}");
            try
            {
                await http.GetStringAsync($"http://127.0.0.1:{port}/json/version");
                return await playwright.Chromium.ConnectOverCDPAsync($"http://127.0.0.1:{port}");
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                // Chromium is still starting: its DevTools endpoint answers once it is up (an event we can only poll for).
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
