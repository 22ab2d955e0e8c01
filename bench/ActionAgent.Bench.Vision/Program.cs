using System.Diagnostics;
using ActionAgent.Browser;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Sites;
using ActionAgent.Vision;

// Times the embedded screen check and visual locator on real 1280×800 screenshots of SkyFare's search page, the way a
// run meets them: each step brings a screenshot never seen before (the "From" field typed one more letter), whose
// before-screenshot was the last step's after.
// Usage: dotnet run -c Release --project bench/ActionAgent.Bench.Vision [-- repetitions]
var repetitions = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var sites = SiteCatalog.FindSitesRoot() ?? throw new InvalidOperationException("Run from inside the repository.");
await using var site = await SiteHost.StartAsync(SiteCatalog.Resolve(sites, "skyfare"));
await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
var url = site.Address("index.html?today=2026-12-01").ToString();
await GotoAsync(url);
await driver.Page.EvaluateAsync("() => localStorage.setItem('skyfare.cookieConsent', 'accepted')");
await GotoAsync(url);

// One screenshot per step: the page as loaded, then "From" holding one more letter each time (every one different).
var steps = new List<UiObservation> { await ObserveAsync() };
var typed = "";
foreach (var letter in "LONDONHEATHROWAIRPORTXYZ".Take(repetitions + 2))
{
    typed += letter;
    var fill = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Role = "combobox", Name = "From" }, Value = typed };
    await driver.ExecuteAsync(new UiAction(fill, typed, false, TimeSpan.FromSeconds(10)), CancellationToken.None);
    steps.Add(await ObserveAsync());
}

var embedder = MiniLmEmbedder.Shared;
await embedder.EmbedAsync(["warm up"], CancellationToken.None);
var vision = VisionBackends.CreateEmbedded(embedder);
var fillStep = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Role = "combobox", Name = "From" }, Value = "L" };
static UiObservation Bare(UiObservation o) => o with { SnapshotText = "", Nodes = [] };
LocateRequest ByText(int i) => new() { Screenshot = steps[i].Screenshot!, Text = "the Search flights button" };

Console.WriteLine($"screenshot {steps[0].Viewport?.Width}x{steps[0].Viewport?.Height}, {Environment.ProcessorCount} cores, {repetitions} repetitions (after one warm-up run)");
await TimeAsync("verify: change + alerts, no expectation (a step)", i => vision.Verifier.VerifyAsync(new ScreenCheck(fillStep, null, steps[i], steps[i + 1]), CancellationToken.None));
// The expectation checks follow a fill: a click whose screen barely changed (one letter) fails before any expectation is looked at.
await TimeAsync("verify: expectation found in the tree (a step)", i => vision.Verifier.VerifyAsync(new ScreenCheck(fillStep, "search for flights", steps[i], steps[i + 1]), CancellationToken.None));
// Without an accessibility tree (a canvas, a desktop app) the expectation is looked for in the screenshot's OCR.
await TimeAsync("verify: expectation read by OCR (no tree), never seen", i => VisionBackends.CreateEmbedded(embedder).Verifier.VerifyAsync(new ScreenCheck(fillStep, "Search flights", Bare(steps[i]), Bare(steps[i + 1])), CancellationToken.None));
await TimeAsync("verify: expectation read by OCR (no tree, a step)", i => vision.Verifier.VerifyAsync(new ScreenCheck(fillStep, "Search flights", Bare(steps[i]), Bare(steps[i + 1])), CancellationToken.None));
// A new locator each time: nothing read before (the tesseract engines stay warm, as in any process after its first read).
await TimeAsync("locate: everything, screenshot never seen", i => VisionBackends.CreateEmbedded(embedder).Locator.LocateAsync(new LocateRequest { Screenshot = steps[i + 1].Screenshot!, MaxResults = 500 }, CancellationToken.None));
await TimeAsync("locate: text, screenshot never seen", i => VisionBackends.CreateEmbedded(embedder).Locator.LocateAsync(ByText(i + 1), CancellationToken.None));
// The same locator through a run: the last step's screenshot was read, this one differs from it in one field.
var locator = VisionBackends.CreateEmbedded(embedder).Locator;
await TimeAsync("locate: text, the next step's screenshot", async i =>
{
    await locator.LocateAsync(ByText(i), CancellationToken.None);
    var watch = Stopwatch.StartNew();
    await locator.LocateAsync(ByText(i + 1), CancellationToken.None);
    return watch.Elapsed;
});
await TimeAsync("locate: text, the same screenshot again", async i =>
{
    await locator.LocateAsync(ByText(i + 1), CancellationToken.None);
    var watch = Stopwatch.StartNew();
    await locator.LocateAsync(new LocateRequest { Screenshot = steps[i + 1].Screenshot!, Text = "the From field" }, CancellationToken.None);
    return watch.Elapsed;
});

async Task GotoAsync(string address) =>
    await driver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Goto, Value = address }, address, false, TimeSpan.FromSeconds(10)), CancellationToken.None);

Task<UiObservation> ObserveAsync() => driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);

// Runs step 0 as a warm-up, then steps 1..repetitions; an operation that returns a TimeSpan times itself.
async Task TimeAsync<T>(string name, Func<int, Task<T>> run)
{
    await run(0);
    var times = new List<double>();
    for (var i = 1; i <= repetitions; i++)
    {
        var watch = Stopwatch.StartNew();
        var result = await run(i);
        times.Add(result is TimeSpan own ? own.TotalMilliseconds : watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-52} median {times[times.Count / 2],7:0} ms   min {times[0],7:0} ms   max {times[^1],7:0} ms");
}
