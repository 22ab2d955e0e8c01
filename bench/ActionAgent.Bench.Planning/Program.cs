// Then it times the goal interpreter on the goals of issue 8 and the booking table (model loaded, verb vectors cached).
// A scripted Stopwatch harness (BenchmarkDotNet's process-per-job runs are too heavy for this 2-core machine):
// loads the embedding model once (timed), then replays recorded SkyFare snapshots through OfflinePlanner.NextAsync
// as one booking run would see them, many times, and prints the per-step times. Run in Release:
//   dotnet run -c Release --project bench/ActionAgent.Bench.Planning [-- iterations]
using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Offline.Goals;

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
string[] sequence =
[
    "skyfare-01-home.txt", "skyfare-02-search.txt", "skyfare-04-from-typed.txt", "skyfare-05-from-picked.txt",
    "skyfare-07-filled.txt", "skyfare-09-results.txt", "skyfare-10-fare.txt", "skyfare-11-passengers.txt", "skyfare-12-payment.txt",
];
var observations = sequence.Select(name =>
{
    var text = File.ReadAllText(Path.Combine(fixtures, name));
    return new UiObservation { Location = "http://127.0.0.1/" + name, SnapshotText = text, Nodes = AriaSnapshotParser.Parse(text) };
}).ToList();

var load = Stopwatch.StartNew();
var embedder = new MiniLmEmbedder();
await embedder.EmbedAsync(["warm up"], CancellationToken.None);
load.Stop();

var inputs = new Dictionary<string, string>
{
    ["passenger.first_name"] = "Ada", ["passenger.last_name"] = "Lovelace", ["passenger.email"] = "ada@example.com",
    ["card.name"] = "Ada Lovelace", ["card.expiry"] = "12/29",
};
var cold = new List<double>();
var warm = new List<double>();
for (var i = 0; i < iterations; i++)
{
    var planner = new OfflinePlanner(embedder);
    foreach (var observation in observations)
    {
        var context = new PlanningContext
        {
            Goal = "Book the cheapest one-way flight from London to Paris on 24 December",
            Inputs = inputs,
            SecretNames = ["card_number", "card_cvc"],
            Observation = observation,
        };
        var clock = Stopwatch.StartNew();
        await planner.NextAsync(context, CancellationToken.None);
        clock.Stop();
        (i == 0 ? cold : warm).Add(clock.Elapsed.TotalMilliseconds);
    }
}

// The action search: the same pages, with a goal read as sub-goals (a fixed reading, standing in for the goal
// interpreter), each page planned from scratch so every call ranks candidates for a sub-goal on a page.
SubGoal[] reading =
[
    new() { Index = 1, Family = ActionFamily.EnterText, Text = "as ada@example.com", Values = [new(GoalValueKind.Email, "ada@example.com")], Effect = new(EffectKind.ValueSet, "email", "ada@example.com") },
    new() { Index = 2, Family = ActionFamily.Pick, Text = "the cheapest flight", Object = "flight", Qualifiers = new() { Ordering = "cheapest" }, Effect = new(EffectKind.Selected) },
    new() { Index = 3, Family = ActionFamily.Activate, Text = "continue", Object = "continue", Effect = new(EffectKind.Navigated) },
];
var search = new List<double>();
for (var i = 0; i < iterations; i++)
{
    foreach (var observation in observations)
    {
        var planner = new OfflinePlanner(embedder);
        var context = new PlanningContext { Goal = "Sign up as ada@example.com, take the cheapest flight and continue", Observation = observation, SubGoals = reading };
        var clock = Stopwatch.StartNew();
        await planner.NextAsync(context, CancellationToken.None);
        clock.Stop();
        if (i > 0) search.Add(clock.Elapsed.TotalMilliseconds);
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

Console.WriteLine($"model load (all-MiniLM-L6-v2, first embedding included): {load.Elapsed.TotalMilliseconds:0} ms");
Console.WriteLine($"first run, empty embedding cache: {cold.Count} steps, median {Percentile(cold, 0.5):0.0} ms, max {cold.Max():0.0} ms");
Console.WriteLine($"later runs, labels cached: {warm.Count} steps, median {Percentile(warm, 0.5):0.00} ms, p90 {Percentile(warm, 0.9):0.00} ms, max {warm.Max():0.00} ms");
Console.WriteLine($"action search (sub-goals, labels cached): {search.Count} steps, median {Percentile(search, 0.5):0.00} ms, p90 {Percentile(search, 0.9):0.00} ms, max {search.Max():0.00} ms");

// The goal interpreter: known verbs are looked up in the verb data; an unknown verb costs one MiniLM embedding the
// first time it is seen (the verb list's vectors are computed once, in the warm-up).
string[] goals =
[
    "Put \"call the bank\" on my list", "Tick off the second task", "Remove the item \"old shoes\"", "Only show the tasks I have finished",
    "Pick the shortest bus", "Get the latest invoice as a PDF", "Sign up for the monthly newsletter as ana@example.net and agree to the rules",
    "Find hotels from 3 March 2027 to 5 March 2027", "Log in as \"j.doe\" with access code \"rose77\"", "Open the collapsed panel, then press Save",
    "Type \"hello\" in the box and submit", "Like every photo posted by @ana, then press Done", "Book the earliest flight from: Oslo to: BGO on 03/04/2027",
    "Book the cheapest one-way flight from London to Paris on 24 December", "Fly from Berlin to Madrid tomorrow, earliest departure please",
    "Find the cheapest flight from Dublin to Vienna next Friday for 2 adults", "Obliterate the item \"old shoes\"",
];
var interpreter = new GoalInterpreter(embedder);
var warmUp = Stopwatch.StartNew();
foreach (var goal in goals) await interpreter.InterpretAsync(goal, CancellationToken.None);
warmUp.Stop();
var interpreted = new List<double>();
for (var i = 0; i < iterations; i++)
{
    foreach (var goal in goals)
    {
        var clock = Stopwatch.StartNew();
        await interpreter.InterpretAsync(goal, CancellationToken.None);
        interpreted.Add(clock.Elapsed.TotalMilliseconds);
    }
}
var fresh = new List<double>();
foreach (var verb in new[] { "Frobnicate", "Grok", "Zorp", "Blick", "Snarf", "Quux", "Wibble", "Plonk", "Skedaddle", "Yoink" })
{
    var clock = Stopwatch.StartNew();
    await interpreter.InterpretAsync($"{verb} the second row", CancellationToken.None);
    fresh.Add(clock.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"goal interpreter warm-up ({goals.Length} goals, verb vectors embedded once): {warmUp.Elapsed.TotalMilliseconds:0} ms");
Console.WriteLine($"goal interpreter: {interpreted.Count} goals, median {Percentile(interpreted, 0.5):0.000} ms, p90 {Percentile(interpreted, 0.9):0.000} ms, max {interpreted.Max():0.00} ms");
Console.WriteLine($"goal interpreter, a verb never seen before (one embedding): median {Percentile(fresh, 0.5):0.0} ms, max {fresh.Max():0.0} ms");
