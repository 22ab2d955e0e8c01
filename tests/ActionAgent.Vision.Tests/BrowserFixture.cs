using ActionAgent.Browser;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Sites;

namespace ActionAgent.Vision.Tests;

/// <summary>One browser, serving the test pages and the repository's demo sites, for a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public PlaywrightDriver Driver { get; private set; } = null!;
    public SiteHost Pages { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pages = await SiteHost.StartAsync(Path.Combine(AppContext.BaseDirectory, "Pages"));
        Driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
    }

    public async Task DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Pages.DisposeAsync();
    }

    public static string SitesRoot => SiteCatalog.FindSitesRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No scenarios/sites folder above the test output.");

    public async Task GotoAsync(string url)
    {
        var result = await DoAsync(ActionKind.Goto, null, url);
        Assert.True(result.Succeeded, result.Error);
    }

    public Task<ActionResult> DoAsync(ActionKind kind, ElementTarget? target, string? value = null) =>
        Driver.ExecuteAsync(new UiAction(new PlanStep { Action = kind, Target = target, Value = value }, value, false, Timeout), CancellationToken.None);

    public Task<UiObservation> ObserveAsync() => Driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);

    /// <summary>The boxes of the visible buttons and fields, from the DOM.</summary>
    public async Task<IReadOnlyList<(string Name, BoundingBox Box)>> ControlBoxesAsync(string selector = "button, input:not([type=hidden]), select, textarea")
    {
        var rows = await Driver.Page.EvaluateAsync<double[][]>($$"""
            () => Array.from(document.querySelectorAll('{{selector}}'))
              .map(e => e.getBoundingClientRect())
              .filter(r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)
              .map(r => [r.x, r.y, r.width, r.height])
            """);
        var names = await Driver.Page.EvaluateAsync<string[]>($$"""
            () => Array.from(document.querySelectorAll('{{selector}}'))
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; })
              .map(e => e.getAttribute('aria-label') || e.textContent.trim() || e.id || e.name || e.type)
            """);
        return [.. rows.Select((r, i) => (names[i], new BoundingBox(r[0], r[1], r[2], r[3])))];
    }
}
