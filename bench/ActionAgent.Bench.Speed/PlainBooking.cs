using ActionAgent.Browser;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Sites;
using Microsoft.Playwright;

namespace ActionAgent.Bench.Speed;

/// <summary>
/// The baseline: the SkyFare booking as a person would write it with Playwright, as a whole process. It serves the
/// site the way the agent does (<see cref="SiteHost"/> on a free loopback port), launches its own Chromium (the
/// executable the agent's <see cref="BrowserLocator"/> picks for a headless run, so both drive the same browser: the
/// headless shell where it is installed; the agent's quiet flags; 1280×800), and does the recording's actions with the same locators
/// (each step's first layer, read off <c>recordings/book-flight</c> so it stays the same booking when the fixture is
/// re-recorded), then waits for the scenario's expected text. Playwright's auto-waiting does the waiting.
/// </summary>
internal static class PlainBooking
{
    public static async Task<int> RunAsync(string root)
    {
        var recording = await RecordingJson.ReadAsync(Path.Combine(root, "recordings", "book-flight", "recording.json"), CancellationToken.None);
        await using var site = await SiteHost.StartAsync(SiteCatalog.Resolve(Path.Combine(root, "scenarios", "sites"), "skyfare"), 0, CancellationToken.None);
        var start = site.Address(new BrowserAppSpec(recording.Header.AppStart!).SitePath.TrimStart('/')).ToString();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Browser(root),
            Headless = true,
            Args = BrowserOptions.QuietArgs,
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        var secrets = new SecretVault(recording.Header.SecretSources.ToDictionary(
            p => p.Key, p => Environment.GetEnvironmentVariable(p.Value) ?? DotEnv(root, p.Value) ?? throw new InvalidOperationException($"set {p.Value}")));
        var urls = ReplayUrls.For(recording.Header.StartUrl, start);
        var none = new Dictionary<string, string>();
        foreach (var step in recording.Steps)
        {
            var value = step.Value is null ? null : ValueTemplate.Resolve(step.Value, recording.Header.Inputs, secrets, none, out _);
            var target = ReplayTargets.Primary(step) is { } primary ? TargetTemplate.Resolve(primary, recording.Header.Inputs, none) : null;
            var locator = target is null ? null : Locate(page, target);
            switch (step.Action)
            {
                case "goto": await page.GotoAsync(urls.Rewrite(value!)); break;
                case "click": await locator!.ClickAsync(); break;
                case "fill": await locator!.FillAsync(value!); break;
                case "type": await locator!.FillAsync(""); await locator.PressSequentiallyAsync(value!, new() { Delay = 30 }); break;
                case "select": await locator!.SelectOptionAsync(new SelectOptionValue { Label = value! }); break;
                case "check": await locator!.CheckAsync(); break;
                case "press": await (locator is null ? page.Keyboard.PressAsync(value!) : locator.PressAsync(value!)); break;
                case "wait-for": await (locator ?? page.GetByText(value!).First).WaitForAsync(); break;
                case "extract": await locator!.InnerTextAsync(); break;
                default: throw new InvalidOperationException($"the plain program has no translation for '{step.Action}'");
            }
        }
        foreach (var expect in recording.Header.Expect.Where(e => e.Kind == "text")) await page.GetByText(expect.Value).First.WaitForAsync();
        Console.WriteLine("plain booking done");
        return 0;
    }

    /// <summary>The browser the agent launches for a headless run from this repository (its config file, its variable).</summary>
    public static string Browser(string root) =>
        BrowserLocator.WithVariables(Environment.GetEnvironmentVariable).Locate(null, PlaywrightConfig.Find(root), headless: true);

    private static ILocator Locate(IPage page, ElementTarget t)
    {
        if (t.TestId is not null) return page.GetByTestId(t.TestId);
        if (t.Role is not null) return page.GetByRole(Enum.Parse<AriaRole>(t.Role, ignoreCase: true), new() { Name = t.Name, Exact = t.Exact });
        if (t.Label is not null) return page.GetByLabel(t.Label, new() { Exact = t.Exact });
        if (t.Placeholder is not null) return page.GetByPlaceholder(t.Placeholder, new() { Exact = t.Exact });
        if (t.Text is not null) return page.GetByText(t.Text, new() { Exact = t.Exact });
        if (t.Css is not null) return page.Locator(t.Css);
        if (t.XPath is not null) return page.Locator("xpath=" + t.XPath);
        throw new InvalidOperationException($"no locator layer in {t}");
    }

    private static string? DotEnv(string root, string name)
    {
        var path = Path.Combine(root, "scenarios", ".env");
        if (!File.Exists(path)) path = Path.Combine(root, "scenarios", ".env.example");
        return !File.Exists(path) ? null : File.ReadLines(path)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim() == name).Select(p => p[1].Trim()).FirstOrDefault();
    }
}
