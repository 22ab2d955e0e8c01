using System.Diagnostics;
using ActionAgent.Browser;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Sites;
using ActionAgent.Vision;
using ActionAgent.Vision.Segmentation;

// Times the embedded screen check and visual locator on real 1280×800 screenshots of SkyFare's search page, the way a
// run meets them: each step brings a screenshot never seen before (the "From" field typed one more letter), whose
// before-screenshot was the last step's after. Then measures what the reading gets right, so a faster read that sees
// less shows: the words read against the page's own visible text, and the locator's hits on the page's controls.
const string Usage = """
    Usage: dotnet run -c Release --project bench/ActionAgent.Bench.Vision [-- [repetitions] [--accuracy] [--cold]]
      repetitions   timed repetitions of each operation, after one warm-up (default 5)
      --accuracy    only the accuracy measurement (words read vs the page's text, the locator's hit rate)
      --cold        only the first read of a new process: vision composed first (as a run composes it), then the
                    browser started and the first screenshot read (verify by OCR, then locate by text on another
                    never-seen screenshot); run the process several times for a spread
    """;
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage);
    return;
}
var repetitions = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } count ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 5;
var sites = SiteCatalog.FindSitesRoot() ?? throw new InvalidOperationException("Run from inside the repository.");
if (args.Contains("--cold"))
{
    await ColdAsync();
    return;
}
await using var site = await SiteHost.StartAsync(SiteCatalog.Resolve(sites, "skyfare"));
await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
if (args.Contains("--accuracy"))
{
    await AccuracyAsync();
    return;
}
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
// A run composes vision seconds before its first step (the browser starts meanwhile): give what vision starts in the
// background that long, so its work is not counted in the first rows.
await Task.Delay(TimeSpan.FromSeconds(3));
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

await AccuracyAsync();

// The first read in a process: what a run's first screen costs, start-up included (vision is composed before the
// browser starts, as the agent composes it; whatever vision starts in the background has that long to finish).
async Task ColdAsync()
{
    var watch = Stopwatch.StartNew();
    var coldVision = VisionBackends.CreateEmbedded(MiniLmEmbedder.Shared);
    var composed = watch.Elapsed.TotalMilliseconds;
    await MiniLmEmbedder.Shared.EmbedAsync(["warm up"], CancellationToken.None); // the planner loads it before any step
    await using var coldSite = await SiteHost.StartAsync(SiteCatalog.Resolve(sites, "skyfare"));
    await using var coldDriver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
    var address = coldSite.Address("index.html?today=2026-12-01").ToString();
    await coldDriver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Goto, Value = address }, address, false, TimeSpan.FromSeconds(10)), CancellationToken.None);
    var first = await coldDriver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);
    await coldDriver.Page.EvaluateAsync("() => localStorage.setItem('skyfare.cookieConsent', 'accepted')");
    await coldDriver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Goto, Value = address }, address, false, TimeSpan.FromSeconds(10)), CancellationToken.None);
    var second = await coldDriver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);
    var ready = watch.Elapsed.TotalMilliseconds;
    using var self = Process.GetCurrentProcess();
    var workingSet = self.WorkingSet64 / (1024.0 * 1024.0);
    var bare = first with { SnapshotText = "", Nodes = [] };
    // Segmenting and reading first (no embedder), then the check on the same, now read, screenshot (the embedder on
    // the screen's new lines), then a text prompt on another never-seen screenshot.
    watch.Restart();
    var regions = await coldVision.Locator.LocateAsync(new LocateRequest { Screenshot = first.Screenshot!, MaxResults = 500 }, CancellationToken.None);
    var read = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var verdict = await coldVision.Verifier.VerifyAsync(new ScreenCheck(new PlanStep { Action = ActionKind.Goto, Value = address }, "Search flights", bare, bare), CancellationToken.None);
    var matched = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var found = await coldVision.Locator.LocateAsync(new LocateRequest { Screenshot = second.Screenshot!, Text = "the Search flights button" }, CancellationToken.None);
    var located = watch.Elapsed.TotalMilliseconds;
    Console.WriteLine($"cold: vision composed {composed:0} ms; browser and page ready {ready:0} ms later (working set {workingSet:0} MB); first read (segment + OCR, {regions.Count} regions) {read:0} ms; " +
        $"verify by OCR on it {matched:0} ms ({verdict.Outcome}); locate by text on a never-seen screenshot {located:0} ms (\"{found.FirstOrDefault()?.Text}\")");
}

// Accuracy on pages the bench has not tuned anything for: every distinct word (2+ letters or digits) of the page's
// visible text, input values and placeholders, against the words read in the segmented regions (a never-seen read);
// and each visible, named button, link and labelled field located by a text prompt ("the Search flights button"),
// a hit when the best answer's centre lies inside the element's box.
async Task AccuracyAsync()
{
    Console.WriteLine($"{"accuracy (never-seen read)",-40} {"words read / page's words",26} {"read words not on the page",27} {"locator hits",13}");
    var totals = (Truth: 0, Found: 0, Read: 0, Stray: 0, Prompts: 0, Hits: 0);
    var misses = new List<string>();
    await using var jetway = await SiteHost.StartAsync(SiteCatalog.Resolve(sites, "jetway"));
    var pages = new (string Name, string Address, bool Consent)[]
    {
        ("SkyFare search, cookie banner", site.Address("index.html?today=2026-12-01").ToString(), false),
        ("SkyFare search", site.Address("index.html?today=2026-12-01").ToString(), true),
        ("Jetway search", jetway.Address("index.html?today=2026-12-01").ToString(), true),
    };
    foreach (var (name, address, consent) in pages)
    {
        await GotoAsync(address);
        await driver.Page.EvaluateAsync(consent
            ? "() => { localStorage.setItem('skyfare.cookieConsent', 'accepted'); localStorage.setItem('jetway.cookieConsent', 'accepted'); }"
            : "() => localStorage.clear()");
        await GotoAsync(address);
        var shot = (await ObserveAsync()).Screenshot!;
        var truth = (await driver.Page.EvaluateAsync<string[]>(VisibleTextScript)).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var segmenter = new ScreenSegmenter(new VisionOptions());
        var regions = await segmenter.SegmentAsync(shot, CancellationToken.None);
        var read = regions.SelectMany(r => Words(r.Text)).ToHashSet(StringComparer.Ordinal);
        var found = truth.Count(read.Contains);
        var stray = read.Count(w => !truth.Contains(w));

        var pageLocator = new EmbeddedElementLocator(MiniLmEmbedder.Shared);
        var targets = await driver.Page.EvaluateAsync<string[][]>(ControlsScript);
        var hits = 0;
        foreach (var t in targets)
        {
            var (prompt, box) = (t[0], t[1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            var best = (await pageLocator.LocateAsync(new LocateRequest { Screenshot = shot, Text = prompt }, CancellationToken.None)).FirstOrDefault();
            var hit = best is not null && best.Box.Center.X >= box[0] - 2 && best.Box.Center.X <= box[0] + box[2] + 2 && best.Box.Center.Y >= box[1] - 2 && best.Box.Center.Y <= box[1] + box[3] + 2;
            if (hit) hits++;
            else misses.Add($"{name}: \"{prompt}\" -> {(best is null ? "nothing" : $"{best.Kind} \"{best.Text}\" {best.Box}")}");
        }
        Console.WriteLine($"{name,-40} {$"{found}/{truth.Count} = {found / (double)truth.Count:P0}",26} {$"{stray}/{read.Count}",27} {$"{hits}/{targets.Length}",13}");
        totals = (totals.Truth + truth.Count, totals.Found + found, totals.Read + read.Count, totals.Stray + stray, totals.Prompts + targets.Length, totals.Hits + hits);
    }
    Console.WriteLine($"{"all pages",-40} {$"{totals.Found}/{totals.Truth} = {totals.Found / (double)totals.Truth:P1}",26} {$"{totals.Stray}/{totals.Read}",27} {$"{totals.Hits}/{totals.Prompts} = {totals.Hits / (double)totals.Prompts:P0}",13}");
    foreach (var miss in misses) Console.WriteLine($"  locator miss: {miss}");
}

static IEnumerable<string> Words(string text) =>
    System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}€$£]+").Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2);

async Task GotoAsync(string address) =>
    await driver.ExecuteAsync(new UiAction(new PlanStep { Action = ActionKind.Goto, Value = address }, address, false, TimeSpan.FromSeconds(10)), CancellationToken.None);

Task<UiObservation> ObserveAsync() => driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), CancellationToken.None);

// Runs step 0 as a warm-up, then steps 1..repetitions; an operation that returns a TimeSpan times itself. The process's
// CPU time beside the wall time: on a loaded machine the wall time is mostly waiting for a core, the CPU time is the
// work (a read that keeps both cores busy finishes in about half its CPU time on a quiet machine).
async Task TimeAsync<T>(string name, Func<int, Task<T>> run)
{
    await run(0);
    var times = new List<double>();
    var cpu = new List<double>();
    using var process = Process.GetCurrentProcess();
    for (var i = 1; i <= repetitions; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await run(i);
        times.Add(result is TimeSpan own ? own.TotalMilliseconds : watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }
    times.Sort();
    cpu.Sort();
    Console.WriteLine($"{name,-52} median {times[times.Count / 2],7:0} ms   min {times[0],7:0} ms   max {times[^1],7:0} ms   CPU median {cpu[cpu.Count / 2],6:0} ms");
}

// The page's visible text: text nodes with a box inside the viewport (in an element that is not hidden), and what
// inputs show (their value, else their placeholder) and selects show (the chosen option).
internal static partial class Program
{
    private const string VisibleTextScript = """
        () => {
          const inView = r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
          const shown = e => { for (; e; e = e.parentElement) { const s = getComputedStyle(e); if (s.visibility === 'hidden' || s.display === 'none' || s.opacity === '0') return false; } return true; };
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim() || !shown(n.parentElement) || ['SCRIPT', 'STYLE', 'OPTION', 'NOSCRIPT'].includes(n.parentElement.tagName)) continue;
            const range = document.createRange(); range.selectNodeContents(n);
            if (Array.from(range.getClientRects()).some(inView)) out.push(n.textContent);
          }
          for (const e of document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, select')) {
            if (!inView(e.getBoundingClientRect()) || !shown(e)) continue;
            out.push(e.tagName === 'SELECT' ? (e.selectedOptions[0]?.textContent ?? '') : (e.value || e.placeholder || ''));
          }
          return out;
        }
        """;

    // Each visible button and link with a short text of its own, and each field with a label, as [prompt, "x,y,w,h"].
    private const string ControlsScript = """
        () => {
          const inView = r => r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
          const shown = e => { for (; e; e = e.parentElement) { const s = getComputedStyle(e); if (s.visibility === 'hidden' || s.display === 'none' || s.opacity === '0') return false; } return true; };
          const box = r => [r.x, r.y, r.width, r.height].join(',');
          const out = [];
          for (const e of document.querySelectorAll('button, a[href], input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select')) {
            const r = e.getBoundingClientRect();
            if (!inView(r) || !shown(e) || document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('button, a, input, select, label') !== e && !e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))) continue;
            if (e.matches('button, a')) {
              const text = e.textContent.trim().replace(/\s+/g, ' ');
              if (text.length < 2 || text.length > 40 || !/[A-Za-z]{2}/.test(text)) continue;
              out.push([`the ${text} ${e.matches('a') ? 'link' : 'button'}`, box(r)]);
            } else {
              const label = e.labels?.[0]?.textContent.trim().replace(/\s+/g, ' ');
              if (!label || label.length > 40) continue;
              out.push([`the ${label} field`, box(r)]);
            }
          }
          return out;
        }
        """;
}
