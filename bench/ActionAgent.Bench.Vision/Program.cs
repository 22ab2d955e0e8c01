using System.Diagnostics;
using ActionAgent.Browser;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Sites;
using ActionAgent.Vision;

// Times the embedded screen check and visual locator on real 1280×800 screenshots of SkyFare's search page.
// Usage: dotnet run -c Release --project bench/ActionAgent.Bench.Vision [-- repetitions]
var repetitions = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var sites = SiteCatalog.FindSitesRoot() ?? throw new InvalidOperationException("Run from inside the repository.");
await using var site = await SiteHost.StartAsync(SiteCatalog.Resolve(sites, "skyfare"));
await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
var url = site.Address("index.html?today=2026-12-01").ToString();
await GotoAsync(url);
await driver.Page.EvaluateAsync("() => localStorage.setItem('skyfare.cookieConsent', 'accepted')");
await GotoAsync(url);
var before = await driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);
var fill = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Role = "combobox", Name = "From" }, Value = "LHR" };
await driver.ExecuteAsync(new UiAction(fill, "LHR", false, TimeSpan.FromSeconds(10)), CancellationToken.None);
var after = await driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);

var embedder = MiniLmEmbedder.Shared;
await embedder.EmbedAsync(["warm up"], CancellationToken.None);
var vision = VisionBackends.CreateEmbedded(embedder);
var click = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Role = "button", Name = "Search flights" } };

Console.WriteLine($"screenshot {after.Viewport?.Width}x{after.Viewport?.Height}, {Environment.ProcessorCount} cores, {repetitions} repetitions (after one warm-up run)");
await TimeAsync("verify: change + alerts, no expectation", () => vision.Verifier.VerifyAsync(new ScreenCheck(fill, null, before, after), CancellationToken.None));
await TimeAsync("verify: expectation found in the tree", () => vision.Verifier.VerifyAsync(new ScreenCheck(click, "search for flights", before, after), CancellationToken.None));
// Without an accessibility tree (a canvas, a desktop app) the expectation is looked for in the screenshot's OCR.
var bare = after with { SnapshotText = "", Nodes = [] };
await TimeAsync("verify: expectation read by OCR (no tree)", () => vision.Verifier.VerifyAsync(new ScreenCheck(click, "Search flights", before with { SnapshotText = "", Nodes = [] }, bare), CancellationToken.None));
await TimeAsync("locate: everything (segment + OCR)", () => vision.Locator.LocateAsync(new LocateRequest { Screenshot = after.Screenshot!, MaxResults = 500 }, CancellationToken.None));
await TimeAsync("locate: text \"the Search flights button\"", () => vision.Locator.LocateAsync(new LocateRequest { Screenshot = after.Screenshot!, Text = "the Search flights button" }, CancellationToken.None));

async Task GotoAsync(string address) =>
    await driver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Goto, Value = address }, address, false, TimeSpan.FromSeconds(10)), CancellationToken.None);

async Task TimeAsync<T>(string name, Func<Task<T>> run)
{
    await run();
    var times = new List<double>();
    for (var i = 0; i < repetitions; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-52} median {times[times.Count / 2],7:0} ms   min {times[0],7:0} ms   max {times[^1],7:0} ms");
}
