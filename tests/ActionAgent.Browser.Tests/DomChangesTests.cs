using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>The page's count of its visible DOM changes (<c>UiObservation.DomChanges</c>), as the driver reads it.</summary>
[Collection("browser")]
public sealed class DomChangesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_the_driver_opens_keeps_the_count_and_a_page_that_answers_garbage_under_its_name_has_none()
    {
        await browser.OpenAsync("form.html");
        var counted = await browser.Driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        Assert.NotNull(counted.DomChanges);
        Assert.False(counted.DomChanges.Opaque);

        // A tab the driver attaches to, whose page set up the count's name itself before the driver came.
        await using var context = await browser.Driver.Page.Context.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Site.Url("form.html"));
        await page.EvaluateAsync("() => Object.defineProperty(window, '__actionAgentDomChanges', { value: () => ({ doc: 7, share: 'all', opaque: 'no' }) })");
        await using var attached = await PlaywrightDriver.ForPageAsync(page);

        var observed = await attached.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);

        Assert.Null(observed.DomChanges);
        Assert.Contains("textbox", observed.SnapshotText, StringComparison.Ordinal);
    }
}
