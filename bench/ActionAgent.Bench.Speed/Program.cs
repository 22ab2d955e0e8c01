// Whole-process speed benchmark (issue 11): the plain Playwright program, `agent replay recordings/book-flight` and
// `agent run scenarios/book-flight.yaml`, each as its own process (start, browser launch, the booking, exit),
// alternating their order every round; medians, ratios to the plain program, peak working set of each process.
//   dotnet bench/ActionAgent.Bench.Speed/bin/Release/net10.0/ActionAgent.Bench.Speed.dll [--rounds 5] [--agent PATH] [--extra-run-arg ARG]
//     the agent is what ./agent runs: artifacts/agent/agent.dll, the ReadyToRun Release build `eng/build.sh --agent` makes
//     --agent PATH: another build's agent.dll (run with dotnet), or an executable such as an installed tool's `agent`
//   dotnet bench/ActionAgent.Bench.Speed/bin/Release/net10.0/ActionAgent.Bench.Speed.dll plain      # the plain program alone
// Exits 1 when a process fails or a target misses (replay <= 1.15, run <= 1.5, run's peak <= 400 MB), 2 on bad arguments.
using System.Globalization;
using ActionAgent.Bench.Speed;

var root = FindRoot();
if (args.Length > 0 && args[0] == "plain") return await PlainBooking.RunAsync(root);

var rounds = 5;
var agent = Path.Combine(root, "artifacts", "agent", "agent.dll");
var extraRunArgs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--agent" when i + 1 < args.Length: agent = Path.GetFullPath(args[++i]); break;
        case "--extra-run-arg" when i + 1 < args.Length: extraRunArgs.Add(args[++i]); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (!File.Exists(agent))
{
    Console.Error.WriteLine($"{agent} does not exist: build it first (eng/build.sh --agent, as ./agent does).");
    return 2;
}

var self = typeof(PlainBooking).Assembly.Location;
var outDir = Path.Combine(root, "artifacts", "bench-speed", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(outDir);
var timeout = TimeSpan.FromMinutes(8); // a loaded machine is slow; a process past this counts as failed

Task<ProcessMeasurement> Plain() => MeasuredProcess.RunAsync("plain", "dotnet", [self, "plain"], root, timeout);
// A .dll runs under the dotnet host; anything else (an installed tool's `agent`, its apphost) is started itself.
var agentIsDll = agent.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
Task<ProcessMeasurement> Agent(string name, IEnumerable<string> arguments) => agentIsDll
    ? MeasuredProcess.RunAsync(name, "dotnet", [agent, .. arguments], root, timeout)
    : MeasuredProcess.RunAsync(name, agent, arguments, root, timeout);
Task<ProcessMeasurement> Replay(int round) => Agent("replay",
    ["replay", "recordings/book-flight", "--scenario", "scenarios/book-flight.yaml", "--out", Path.Combine(outDir, $"replay-{round}")]);
Task<ProcessMeasurement> Run(int round) => Agent("run",
    ["run", "scenarios/book-flight.yaml", "--record-to", Path.Combine(outDir, $"run-{round}"), .. extraRunArgs]);

var results = new Dictionary<string, List<ProcessMeasurement>> { ["plain"] = [], ["replay"] = [], ["run"] = [] };
var failures = 0;
// One warm-up of each (disk cache, the first JIT of the site's files), not counted.
await Plain();
await Replay(0);
await Run(0);
for (var round = 1; round <= rounds; round++)
{
    // Rotate the order so no kind always runs first (or right after the heaviest).
    Func<Task<ProcessMeasurement>>[] kinds = [Plain, () => Replay(round), () => Run(round)];
    var line = new List<string>();
    for (var k = 0; k < kinds.Length; k++)
    {
        var m = await kinds[(k + round) % kinds.Length]();
        results[m.Name].Add(m);
        line.Add(string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.WallMs:0} ms {m.PeakBytes / 1048576.0:0} MB exit {m.ExitCode}"));
        if (m.ExitCode != 0)
        {
            failures++;
            await File.WriteAllTextAsync(Path.Combine(outDir, $"{m.Name}-{round}-output.txt"), m.Output);
        }
    }
    Console.WriteLine($"round {round}: {string.Join(" | ", line)}");
}

static double Median(IEnumerable<double> values)
{
    var s = values.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

var plainMedian = Median(results["plain"].Select(m => m.WallMs));
var targets = new Dictionary<string, double> { ["plain"] = 1.0, ["replay"] = 1.15, ["run"] = 1.5 };
var report = new List<string>
{
    $"{rounds} rounds, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end, agent {agent}{(extraRunArgs.Count > 0 ? $" (run with {string.Join(' ', extraRunArgs)})" : "")}, browser {ActionAgent.Bench.Speed.PlainBooking.Browser(root)}",
    "",
    "| what | median wall | min | max | vs plain (median) | target | peak working set (median / max) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
};
var missed = new List<string>();
foreach (var (name, list) in results)
{
    var median = Median(list.Select(m => m.WallMs));
    var ratio = median / plainMedian;
    var peakMedian = Median(list.Select(m => (double)m.PeakBytes)) / 1048576.0;
    var peakMax = list.Max(m => m.PeakBytes) / 1048576.0;
    report.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {median / 1000:0.00} s | {list.Min(m => m.WallMs) / 1000:0.00} s | {list.Max(m => m.WallMs) / 1000:0.00} s | {ratio:0.00} | ≤ {targets[name]:0.00} | {peakMedian:0} MB / {peakMax:0} MB |"));
    if (name != "plain" && ratio > targets[name]) missed.Add(string.Create(CultureInfo.InvariantCulture, $"{name} ratio {ratio:0.00} > {targets[name]:0.00}"));
}
var runPeak = results["run"].Max(m => m.PeakBytes) / 1048576.0;
if (runPeak > 400) missed.Add(string.Create(CultureInfo.InvariantCulture, $"run peak working set {runPeak:0} MB > 400 MB"));
if (failures > 0) missed.Add($"{failures} process(es) exited non-zero (outputs in {outDir})");
report.Add("");
report.Add(missed.Count == 0 ? "all targets met" : "MISSED: " + string.Join("; ", missed));
Console.WriteLine();
foreach (var l in report) Console.WriteLine(l);
await File.WriteAllLinesAsync(Path.Combine(outDir, "speed.md"), report);
Console.WriteLine($"written: {Path.GetRelativePath(root, Path.Combine(outDir, "speed.md"))}");
return missed.Count == 0 ? 0 : 1;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Cannot find the repository root.");
}
