using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActionAgent.Bench.Gym;
using ActionAgent.Sites;

// The practice-gym benchmark: for each task × seed, open the task in one Chromium, run the agent as a whole process
// with --connect, read the page's own score, and classify the run (success, false success, honest failure, lucky).
var options = GymOptions.Parse(args, out var error);
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(GymOptions.Usage);
    return 0;
}
if (options is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(GymOptions.Usage);
    return 2;
}

var sitesRoot = SiteCatalog.FindSitesRoot() ?? throw new InvalidOperationException("No scenarios/sites folder above the current directory.");
var repositoryRoot = Path.GetFullPath(Path.Combine(sitesRoot, "..", ".."));
var gymFolder = SiteCatalog.Resolve(sitesRoot, "gym");
using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(gymFolder, "tasks.json")));
var tasks = manifest.RootElement.GetProperty("tasks").EnumerateArray()
    .Select(t => (Id: t.GetProperty("id").GetString()!, Pattern: t.GetProperty("pattern").GetString()!))
    .ToList();
var wanted = options.Slice ? GymOptions.SliceTasks : options.Tasks;
if (wanted is not null)
{
    var unknown = wanted.Where(id => tasks.All(t => t.Id != id)).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"error: no gym task {string.Join(", ", unknown)} in {Path.Combine(gymFolder, "tasks.json")}");
        return 2;
    }
    tasks = tasks.Where(t => wanted.Contains(t.Id)).ToList();
}
if (options.Pattern is { } pattern) tasks = tasks.Where(t => t.Pattern == pattern).ToList();
var seeds = options.Slice ? [1] : options.Seeds;
if (tasks.Count == 0)
{
    Console.Error.WriteLine("error: the filters leave no task");
    return 2;
}

var agent = Path.GetFullPath(options.Agent ?? AgentProcess.DefaultAgent(repositoryRoot));
if (!File.Exists(agent))
{
    Console.Error.WriteLine($"error: the agent '{agent}' does not exist (build it: dotnet build src/ActionAgent.Cli, or pass --agent)");
    return 2;
}
var outFolder = Path.GetFullPath(options.Out ?? Path.Combine(repositoryRoot, "artifacts", "gym"));
var stem = "gym-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var runner = new AgentProcess(agent, options.AgentArgs);
var runs = new List<GymRun>();

await using var site = await SiteHost.StartAsync(gymFolder);
Console.WriteLine($"gym: {tasks.Count} tasks × seeds {string.Join(",", seeds)} = {tasks.Count * seeds.Count} runs; agent {agent}; {options.Workers} worker(s); timeout {options.Timeout.TotalSeconds:0} s");

// Seed-major order: a run that is stopped early has still covered every task once.
var queue = new System.Collections.Concurrent.ConcurrentQueue<(string Id, string Pattern, int Seed)>(
    seeds.SelectMany(seed => tasks.Select(t => (t.Id, t.Pattern, seed))));
var gate = new SemaphoreSlim(1, 1);
await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(WorkAsync)));

async Task WorkAsync()
{
    // Each worker has its own browser: the agent acts in the first tab of the browser it connects to.
    await using var browser = await GymBrowser.StartAsync(CancellationToken.None);
    while (queue.TryDequeue(out var item))
    {
        var (id, taskPattern, seed) = item;
        var goal = await browser.OpenTaskAsync(site.Address($"task.html?id={Uri.EscapeDataString(id)}&seed={seed}"));
        var recording = Path.Combine(outFolder, stem, $"{id}-{seed}");
        var clock = Stopwatch.StartNew();
        var (exitCode, timedOut, output) = await runner.RunAsync(goal, browser.CdpUrl, recording, options.Timeout);
        clock.Stop();
        var (done, detail) = await browser.ReadScoreAsync();
        try
        {
            Directory.CreateDirectory(recording);
            await File.WriteAllTextAsync(Path.Combine(recording, "agent-output.txt"), output);
        }
        catch (IOException e)
        {
            // A full disk loses this run's console copy, not the run's verdict nor the rest of the gym.
            Console.Error.WriteLine($"warning: could not keep the agent's output of {id} s{seed}: {e.Message}");
        }
        var run = new GymRun(id, taskPattern, seed, goal, exitCode, timedOut, done, detail, Math.Round(clock.Elapsed.TotalSeconds, 1),
            GymRun.Classify(exitCode, done), AgentProcess.Reason(output), Path.GetRelativePath(repositoryRoot, recording));
        await gate.WaitAsync();
        try
        {
            runs.Add(run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{runs.Count,4} {run.Outcome,-13} {id,-26} s{seed} exit {(timedOut ? "timeout" : exitCode?.ToString(CultureInfo.InvariantCulture)),-7} {run.Seconds,6:0.0}s  page: {Short(detail)}  agent: {Short(run.AgentReason)}"));
            // Results so far, so that a long run stopped early still leaves its numbers.
            await GymReport.WriteAsync(outFolder, stem, runs, options, agent, CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }
}

await GymReport.WriteAsync(outFolder, stem, runs, options, agent, CancellationToken.None);
Console.WriteLine();
Console.WriteLine(GymReport.Markdown(runs));
var overall = GymReport.Summarize("overall", runs);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"overall: {overall.Runs} runs, success {overall.SuccessRate:P1}, false success {overall.FalseSuccessRate:P1}, median {overall.MedianSeconds:0.0} s; results in {Path.Combine(outFolder, stem)}.json/.md"));
if (overall.FalseSuccess > 0)
{
    Console.WriteLine($"FAIL: {overall.FalseSuccess} false success(es)");
    return 1;
}
if (overall.SuccessRate < options.MinSuccess)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAIL: success {overall.SuccessRate:P1} is below --min-success {options.MinSuccess:P0}"));
    return 1;
}
return 0;

static string Short(string? text) => text is null ? "-" : text.Length > 90 ? text[..90] + "…" : text;
