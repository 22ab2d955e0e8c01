// Job throughput and peak memory of one scheduler worker at 1, 2 and 4 concurrent browser contexts.
// For each level: a fresh SQLite store with N one-step jobs (tests/ActionAgent.Scheduling.Tests/Scenarios/ping.yaml),
// all fired at once with run-now; an `agent worker --concurrency C --no-vision` runs them; the time from the worker's
// start to the last run's end gives jobs/minute (worker start-up included, reported separately), and the resident
// memory of the worker's whole process tree (the .NET worker plus Chromium's processes) is sampled every 250 ms.
//   dotnet run -c Release --project bench/ActionAgent.Bench.Scheduler -- [jobs per level, default 8] [levels, default 1,2,4]
using System.Diagnostics;
using System.Globalization;
using ActionAgent.Scheduling;

var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
var levels = (args.Length > 1 ? args[1] : "1,2,4").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
var root = FindRoot();
var scenario = Path.Combine(root, "tests", "ActionAgent.Scheduling.Tests", "Scenarios", "ping.yaml");
Console.WriteLine($"{jobs} jobs per level, scenario {Path.GetRelativePath(root, scenario)}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| contexts | jobs | wall (s) | first run started after (s) | jobs/min (wall) | jobs/min (after start-up) | median run (s) | peak RSS, worker + Chromium (MB) |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var contexts in levels)
{
    var data = Path.Combine(Path.GetTempPath(), "aa-bench-" + Guid.NewGuid().ToString("N")[..8]);
    var store = ScheduleStore.Resolve(data, null, _ => null);
    await using (var catalog = await ScheduleCatalog.OpenAsync(store, CancellationToken.None))
    {
        for (var i = 0; i < jobs; i++)
        {
            await catalog.AddAsync(new JobSpec { Name = $"ping-{i:00}", Scenario = scenario, Cron = "0 0 0 1 1 ? 2099" }, false, CancellationToken.None);
            await catalog.RunNowAsync($"ping-{i:00}", CancellationToken.None);
        }
    }
    var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "agent.dll"), "worker", "--no-vision", "--concurrency", contexts.ToString(CultureInfo.InvariantCulture), "--checkin", "1s" })
    {
        info.ArgumentList.Add(a);
    }
    info.Environment["ACTIONAGENT_DATA"] = data;
    var clock = Stopwatch.StartNew();
    using var worker = Process.Start(info)!;
    worker.OutputDataReceived += (_, _) => { };
    worker.ErrorDataReceived += (_, _) => { };
    worker.BeginOutputReadLine();
    worker.BeginErrorReadLine();
    long peak = 0;
    IReadOnlyList<HistoryEntry> runs = [];
    var history = new RunHistory(store);
    while (clock.Elapsed < TimeSpan.FromMinutes(30))
    {
        peak = Math.Max(peak, TreeRss(worker.Id));
        await Task.Delay(250);
        if (clock.ElapsedMilliseconds % 2000 < 250)
        {
            runs = await history.ListAsync(null, false, 1000, CancellationToken.None);
            if (runs.Count == jobs && runs.All(r => r.Status != RunStatus.Running)) break;
        }
    }
    var wall = clock.Elapsed;
    using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)])) term.WaitForExit();
    await worker.WaitForExitAsync();
    var firstStart = runs.Min(r => r.Started);
    var lastEnd = runs.Max(r => r.Started + (r.Duration ?? TimeSpan.Zero));
    var startup = wall - (lastEnd - firstStart);
    var median = runs.Select(r => r.Duration?.TotalSeconds ?? 0).Order().ElementAt(runs.Count / 2);
    var failed = runs.Count(r => r.Status != RunStatus.Succeeded);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {contexts} | {runs.Count}{(failed > 0 ? $" ({failed} not succeeded)" : "")} | {wall.TotalSeconds:0.0} | {startup.TotalSeconds:0.0} | {runs.Count / wall.TotalMinutes:0.0} | {runs.Count / (lastEnd - firstStart).TotalMinutes:0.0} | {median:0.0} | {peak / 1024.0 / 1024.0:0} |"));
    try
    {
        Directory.Delete(data, recursive: true);
    }
    catch (IOException)
    {
    }
}

// Resident memory of a process and all its descendants, from /proc.
static long TreeRss(int pid)
{
    var children = new Dictionary<int, List<int>>();
    var rss = new Dictionary<int, long>();
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        if (!int.TryParse(Path.GetFileName(dir), out var id)) continue;
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(id);
            rss[id] = long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
    }
    long total = 0;
    var stack = new Stack<int>([pid]);
    while (stack.Count > 0)
    {
        var p = stack.Pop();
        total += rss.GetValueOrDefault(p);
        foreach (var c in children.GetValueOrDefault(p) ?? []) stack.Push(c);
    }
    return total;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("ActionAgent.sln not found above the bench output");
}
