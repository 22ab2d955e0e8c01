// Replay vs plain Playwright on recordings/book-flight: N alternating rounds on one browser page and one site host.
//   dotnet run -c Release --project bench/ActionAgent.Bench.Replay -- [rounds]
// Prints each round and the median ratio replay / plain (target: at most 1.2).
using System.Diagnostics;
using System.Globalization;
using ActionAgent.Browser;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using ActionAgent.Sites;
using Microsoft.Playwright;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var root = FindRoot();
var recording = await RecordingJson.ReadAsync(Path.Combine(root, "recordings", "book-flight", "recording.json"), CancellationToken.None);
await using var site = await SiteHost.StartAsync(SiteCatalog.Resolve(Path.Combine(root, "scenarios", "sites"), "skyfare"), 0, CancellationToken.None);
var start = site.Address(new BrowserAppSpec(recording.Header.AppStart!).SitePath.TrimStart('/')).ToString();
await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions
{
    AllowedHosts = new RunPolicy { AllowDomains = recording.Header.Policy.AllowDomains }.IsAllowed,
});
var page = driver.Page;
var options = new ReplayOptions
{
    Secrets = new SecretVault(new Dictionary<string, string> { ["card_number"] = "4242 4242 4242 4242" }),
    Urls = ReplayUrls.For(recording.Header.StartUrl, start),
    Screenshots = ReplayScreenshots.None,
    Logger = Serilog.Core.Logger.None,
};

async Task ResetAsync()
{
    await page.GotoAsync(site.Address("favicon.svg").ToString());
    await page.EvaluateAsync("() => { localStorage.clear(); sessionStorage.clear(); }");
    await page.GotoAsync("about:blank");
}

async Task<double> ReplayAsync()
{
    await ResetAsync();
    var clock = Stopwatch.StartNew();
    var result = await new ReplayEngine(driver, options).ReplayAsync(recording, CancellationToken.None);
    clock.Stop();
    if (!result.Passed) throw new InvalidOperationException("replay failed: " + result.Reason);
    return clock.Elapsed.TotalMilliseconds;
}

// The same actions with the same locators (each step's first layer), as a person would write them with Playwright.
async Task<double> PlainAsync()
{
    await ResetAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(start);
    await page.GetByRole(AriaRole.Button, new() { Name = "Accept all" }).ClickAsync();
    var from = page.GetByRole(AriaRole.Combobox, new() { Name = "From" });
    await from.FillAsync("");
    await from.PressSequentiallyAsync("Lon", new() { Delay = 30 });
    await page.GetByRole(AriaRole.Option, new() { Name = "London (LHR)" }).ClickAsync();
    var to = page.GetByRole(AriaRole.Combobox, new() { Name = "To" });
    await to.FillAsync("");
    await to.PressSequentiallyAsync("Par", new() { Delay = 30 });
    await page.GetByRole(AriaRole.Option, new() { Name = "Paris (CDG)" }).ClickAsync();
    await page.GetByLabel("Departure date").FillAsync("2026-12-24");
    await page.GetByRole(AriaRole.Button, new() { Name = "Search flights" }).ClickAsync();
    await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Price: lowest first" });
    await page.Locator("#results-list > li:first-child button").ClickAsync();
    await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
    await page.GetByLabel("First name").FillAsync("Ada");
    await page.GetByLabel("Last name").FillAsync("Lovelace");
    await page.GetByLabel("Email").FillAsync("ada@example.com");
    await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
    await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
    await page.GetByLabel("Name on card").FillAsync("Ada Lovelace");
    await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/29");
    await page.GetByLabel("CVC").FillAsync("123");
    await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
    var referenceField = page.Locator("#booking-reference");
    await referenceField.WaitForAsync(); // visible, as replay's resolution waits for
    var reference = await referenceField.InnerTextAsync();
    await page.GetByText("Booking confirmed").First.WaitForAsync();
    clock.Stop();
    if (string.IsNullOrWhiteSpace(reference)) throw new InvalidOperationException("no booking reference");
    return clock.Elapsed.TotalMilliseconds;
}

// Warm up both paths once (JIT, browser caches), then alternate which goes first.
await ReplayAsync();
await PlainAsync();
var replayTimes = new List<double>();
var plainTimes = new List<double>();
for (var i = 0; i < rounds; i++)
{
    double r, p;
    if (i % 2 == 0) { r = await ReplayAsync(); p = await PlainAsync(); }
    else { p = await PlainAsync(); r = await ReplayAsync(); }
    replayTimes.Add(r);
    plainTimes.Add(p);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}: replay {r:0} ms, plain {p:0} ms, ratio {r / p:0.000}"));
}
static double Median(List<double> values) { var s = values.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
var ratios = replayTimes.Zip(plainTimes, (r, p) => r / p).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: replay {Median(replayTimes):0} ms, plain {Median(plainTimes):0} ms; median ratio {Median(ratios):0.000} (target <= 1.2) over {rounds} rounds"));
return Median(ratios) <= 1.2 ? 0 : 1;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Cannot find the repository root.");
}
