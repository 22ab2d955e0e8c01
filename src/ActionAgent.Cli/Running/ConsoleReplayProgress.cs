using System.Diagnostics;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using Spectre.Console;

namespace ActionAgent.Cli.Running;

/// <summary>Replay progress on the console: one line per step, its outcome, the layer that found it, heals.</summary>
internal sealed class ConsoleReplayProgress(IAnsiConsole console) : IReplayProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void StepStarted(StepRecord step) { }

    public void StepFinished(ReplayStepResult result)
    {
        var mark = result.Outcome switch { ReplayStepOutcome.Passed => "[green]✓[/]", ReplayStepOutcome.Healed => "[yellow]~[/]", ReplayStepOutcome.Skipped => "[grey]-[/]", _ => "[red]✗[/]" };
        var by = result.ResolvedBy is null ? "" : $" via {result.ResolvedBy}";
        console.MarkupLine($"[grey]{_clock.Elapsed.TotalSeconds,6:0.0}s[/] {result.Index,3} {mark} {Markup.Escape(result.Summary)} [grey]{result.DurationMs} ms{Markup.Escape(by)}[/]");
        if (result.Heal is { } heal)
        {
            console.MarkupLine($"           [yellow]heal:[/] {Markup.Escape(heal.BrokenLocator)} no longer matches; found by {Markup.Escape(heal.FoundLocator)}");
        }
        if (result.Outcome == ReplayStepOutcome.Failed && result.Error is not null) console.MarkupLine($"           [red]{Markup.Escape(result.Error)}[/]");
    }
}
