using ActionAgent.Composition;
using Microsoft.Playwright.Xunit;

namespace ActionAgent.Samples;

/// <summary>A Microsoft.Playwright.Xunit <c>PageTest</c> hands its page to the agent; the page stays the test's.</summary>
public sealed class PageTestSample : PageTest
{
    [Fact]
    public async Task The_agent_fills_the_search_form_on_the_tests_own_page()
    {
        await using var site = await new AgentComposition(new AgentOptions()).ServeAsync("site:skyfare/?today=2026-11-28", CancellationToken.None);
        await Page.GotoAsync(site.StartUrl);

        await using (var agent = await Agent.ForPageAsync(Page, o => o.UseOfflinePlanner().RecordTo(Path.Combine("TestResults", "runs"))))
        {
            var result = await agent.DoAsync("type Paris into the To field");
            Assert.True(result.Succeeded, result.Reason);
        }

        await Expect(Page.Locator("#to-input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Paris"));
    }
}
