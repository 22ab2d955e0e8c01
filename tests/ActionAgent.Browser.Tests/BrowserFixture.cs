using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>One browser and one loopback site for every test in the "browser" collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public LoopbackSite Site { get; } = new(Path.Combine(AppContext.BaseDirectory, "Site"));

    public PlaywrightDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync() => Driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());

    public async Task DisposeAsync()
    {
        await Driver.DisposeAsync();
        Site.Dispose();
    }

    public async Task OpenAsync(string page)
    {
        var result = await Driver.ExecuteAsync(Act(ActionKind.Goto, null, Site.Url(page)), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }

    public Task<ActionResult> DoAsync(ActionKind kind, ElementTarget? target, string? value = null, TimeSpan? timeout = null) =>
        Driver.ExecuteAsync(Act(kind, target, value, timeout), CancellationToken.None);

    public static UiAction Act(ActionKind kind, ElementTarget? target, string? value = null, TimeSpan? timeout = null, bool secret = false) =>
        new(new PlanStep { Action = kind, Target = target, Value = value }, value, secret, timeout ?? Timeout);

    public Task<string> TextOfAsync(string css, string? frame = null) =>
        frame is null
            ? Driver.Page.Locator(css).InnerTextAsync()
            : Driver.Page.Frame(frame)!.Locator(css).InnerTextAsync();
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
