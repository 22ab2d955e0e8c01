using ActionAgent.Browser;

namespace ActionAgent.Cli.Tests;

/// <summary>The replay's report.html, opened in Chromium: the timeline shows each step's action and outcome.</summary>
[Collection("replays")]
public sealed class HtmlReportInChromiumTests(ReplayRuns runs)
{
    [Fact]
    public async Task Report_opens_in_Chromium_and_shows_the_step_timeline()
    {
        var report = Path.Combine(runs.Out("drift"), "report.html");
        Assert.True(File.Exists(report), runs.Drift.ToString());
        await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { ViewportWidth = 1100, ViewportHeight = 900 });
        await driver.Page.GotoAsync(new Uri(report).AbsoluteUri, new() { Timeout = 120_000 });

        var screenshot = Path.Combine(AgentProcess.RepositoryRoot, "artifacts", "report-screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await driver.Page.ScreenshotAsync(new() { Path = screenshot, FullPage = false });
        var steps = driver.Page.Locator("#timeline > li");
        var outcomes = await steps.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.outcome)");
        var lines = await driver.Page.Locator("#timeline > li .line").AllInnerTextsAsync();
        // Every thumbnail's screenshot decodes (a secret masked inside the base64 data would break it).
        var widths = await driver.Page.Locator(".thumb").EvaluateAllAsync<int[]>("""
            els => Promise.all(els.map(e => new Promise(done => {
              const image = new Image();
              image.onload = () => done(image.naturalWidth);
              image.onerror = () => done(0);
              image.src = getComputedStyle(e).backgroundImage.slice(5, -2);
            })))
            """);

        Assert.True(new FileInfo(screenshot).Length > 10_000);
        using var replay = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(runs.Out("drift"), "replay.json")));
        var heals = replay.RootElement.GetProperty("steps").EnumerateArray().Count(s => s.TryGetProperty("heal", out _));
        Assert.Equal(ReplayRuns.RecordedSteps.Count, outcomes.Length);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "passed", "healed" }));
        Assert.InRange(heals, 1, outcomes.Length);
        Assert.Equal(heals, outcomes.Count(o => o == "healed"));
        Assert.Contains(lines, l => l.Contains("click", StringComparison.Ordinal) && l.Contains("Search flights", StringComparison.Ordinal) && l.Contains("healed", StringComparison.Ordinal));
        Assert.Equal("passed", await driver.Page.Locator("#status").InnerTextAsync());
        Assert.Equal(heals, await driver.Page.Locator(".heal .crop").CountAsync());
        Assert.NotEmpty(widths);
        Assert.All(widths, w => Assert.True(w > 0, $"a thumbnail's screenshot does not decode ({string.Join(", ", widths)})"));
    }
}
