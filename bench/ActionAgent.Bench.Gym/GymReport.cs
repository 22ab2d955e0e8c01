using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ActionAgent.Bench.Gym;

/// <summary>Turns the runs into the per-pattern table, the overall numbers, and the JSON and Markdown files.</summary>
internal static partial class GymReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public sealed record Row(string Name, int Runs, int Success, int FalseSuccess, int HonestFailure, int Lucky, double MedianSeconds)
    {
        public double SuccessRate => Runs == 0 ? 0 : (double)Success / Runs;
        public double FalseSuccessRate => Runs == 0 ? 0 : (double)FalseSuccess / Runs;
    }

    public static Row Summarize(string name, IReadOnlyCollection<GymRun> runs) => new(
        name, runs.Count,
        runs.Count(r => r.Outcome == GymOutcome.Success),
        runs.Count(r => r.Outcome == GymOutcome.FalseSuccess),
        runs.Count(r => r.Outcome == GymOutcome.HonestFailure),
        runs.Count(r => r.Outcome == GymOutcome.Lucky),
        Median(runs.Select(r => r.Seconds).ToList()));

    public static IReadOnlyList<Row> ByPattern(IReadOnlyList<GymRun> runs) =>
        runs.GroupBy(r => r.Pattern).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarize(g.Key, g.ToList())).ToList();

    public static async Task WriteAsync(string folder, string stem, IReadOnlyList<GymRun> runs, GymOptions options, string agent, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var overall = Summarize("overall", runs);
        var json = new
        {
            agent,
            seeds = options.Seeds,
            timeoutSeconds = options.Timeout.TotalSeconds,
            overall,
            patterns = ByPattern(runs),
            failureReasons = CommonReasons(runs),
            runs,
        };
        await File.WriteAllTextAsync(Path.Combine(folder, stem + ".json"), JsonSerializer.Serialize(json, Json), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, stem + ".md"), Markdown(runs), ct);
    }

    public static string Markdown(IReadOnlyList<GymRun> runs)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("| pattern | runs | success | false success | honest failure | lucky | median s |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in ByPattern(runs).Append(Summarize("**overall**", runs)))
        {
            md.AppendLine(inv, $"| {row.Name} | {row.Runs} | {row.Success} ({row.SuccessRate:P0}) | {row.FalseSuccess} ({row.FalseSuccessRate:P0}) | {row.HonestFailure} | {row.Lucky} | {row.MedianSeconds:0.0} |");
        }
        var falseSuccesses = runs.Where(r => r.Outcome == GymOutcome.FalseSuccess).ToList();
        if (falseSuccesses.Count > 0)
        {
            md.AppendLine().AppendLine("False successes (exit 0, the page says not done):").AppendLine();
            foreach (var r in falseSuccesses) md.AppendLine(inv, $"- `{r.Task}` seed {r.Seed}: \"{r.Goal}\" — page: {r.ScoreDetail}");
        }
        md.AppendLine().AppendLine("Most common failure reasons (non-zero exit):").AppendLine();
        foreach (var (reason, count) in CommonReasons(runs).Take(10)) md.AppendLine(inv, $"- {count}× {reason}");
        return md.ToString();
    }

    /// <summary>The failure reasons with quoted values and numbers masked, most common first.</summary>
    public static IReadOnlyList<(string Reason, int Count)> CommonReasons(IReadOnlyList<GymRun> runs) =>
        runs.Where(r => r.Outcome is GymOutcome.HonestFailure or GymOutcome.Lucky)
            .Select(r => r.TimedOut ? "timed out" : Mask(r.AgentReason ?? "(no reason printed)"))
            .GroupBy(x => x).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    private static string Mask(string reason)
    {
        var masked = Quoted().Replace(reason, "\"…\"");
        masked = Number().Replace(masked, "N");
        return masked.Length > 160 ? masked[..160] + "…" : masked;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
