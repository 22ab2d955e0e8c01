using ActionAgent.Composition;
using Microsoft.Playwright;

namespace ActionAgent.Tests;

/// <summary><c>Agent.ForPageAsync</c> on a page the test opened with Playwright itself (its own browser for this class).</summary>
public sealed class ForPageTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private ServedApp _site = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("agent-forpage-").FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        var chromium = ActionAgent.Browser.BrowserLocator.Default.Locate(null, null);
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
        var options = new AgentOptions { SitesFolder = Repository.File("scenarios", "sites") };
        _site = await new AgentComposition(options).ServeAsync("site:skyfare/?today=2026-11-28", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ForPage_acts_on_the_users_page_and_leaves_it_open()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_site.StartUrl);

        await using (var agent = await Agent.ForPageAsync(page, o => o.UseOfflinePlanner().RecordTo(_folder)))
        {
            var result = await agent.DoAsync("type Paris into the To field");
            Assert.True(result.Succeeded, result.Reason);
            Assert.Same(page, agent.Page);
        }

        Assert.False(page.IsClosed);
        Assert.Contains("Paris", await page.InputValueAsync("#to-input"), StringComparison.Ordinal);
    }
}
