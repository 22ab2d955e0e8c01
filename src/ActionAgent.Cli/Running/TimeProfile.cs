using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Recording;
using Spectre.Console;

namespace ActionAgent.Cli.Running;

/// <summary>
/// <c>--profile</c>: where a run's (or a replay's) time went. Start-up (process, site, browser, models) is the time
/// from the process's start to the run's start; the phases come from the steps' recorded timings.
/// </summary>
internal static class TimeProfile
{
    public static void Print(IAnsiConsole console, string what, long runMs, StepTimings totals, IEnumerable<(int Index, string Action, long DurationMs, StepTimings? Timings)> steps)
    {
        var sinceStart = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var startup = Math.Max(0, sinceStart - runMs);
        console.WriteLine();
        console.MarkupLine($"[bold]profile[/] {Markup.Escape(what)}: {Seconds(sinceStart)} since the process started, " +
                           $"{Seconds(startup)} of it before the first step and after the last (process, site, browser, models, reports)");
        var phases = totals.Phases().Where(p => p.Ms > 0).ToList();
        var other = Math.Max(0, runMs - totals.TotalMs);
        console.MarkupLine("  " + string.Join(" · ", phases.Append(("other", other))
            .Select(p => $"{p.Item1} {Seconds(p.Item2)} ({Percent(p.Item2, runMs)})")) + $" of the run's {Seconds(runMs)}");
        foreach (var (index, action, durationMs, timings) in steps)
        {
            if (timings is null) continue;
            var parts = timings.Phases().Where(p => p.Ms > 0).Select(p => $"{p.Phase} {p.Ms}");
            console.MarkupLine($"  [grey]step {index,3} {Markup.Escape(action),-9} {durationMs,6} ms: {Markup.Escape(string.Join(", ", parts))}[/]");
        }
    }

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Percent(long part, long whole) => whole <= 0 ? "-" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
