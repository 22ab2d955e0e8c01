using System.Diagnostics;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using Spectre.Console;

namespace ActionAgent.Cli.Running;

/// <summary>Live progress on the console: one line per step with its action, target, outcome and time.</summary>
internal sealed class ConsoleRunProgress(IAnsiConsole console) : IRunProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void StateChanged(RunState from, RunState to, string trigger)
    {
        switch (to)
        {
            case RunState.Replanning:
                console.MarkupLine("  [yellow]↻ replanning[/]");
                break;
            case RunState.AwaitingApproval:
                console.MarkupLine("  [yellow]? waiting for approval[/]");
                break;
        }
    }

    public void StepStarted(int index, PlanStep step) =>
        console.MarkupLine($"[grey]{Elapsed()}[/] [bold]{index,3}[/] {Markup.Escape(step.Action.ToName()),-9} {Markup.Escape(Describe(step))}");

    public void StepFinished(StepRecord record)
    {
        var ok = record.Outcome == StepOutcome.Succeeded;
        var mark = ok ? "[green]✓[/]" : "[red]✗[/]";
        var by = record.ResolvedBy is null ? "" : $" via {record.ResolvedBy}";
        var verdict = record.Verdict is null ? "" : $", check {record.Verdict.Outcome.ToText()}";
        console.MarkupLine($"[grey]{Elapsed()}[/]     {mark} {record.DurationMs} ms{Markup.Escape(by + verdict)}");
        if (!ok && record.Error is not null) console.MarkupLine($"       [red]{Markup.Escape(record.Error)}[/]");
    }

    private string Elapsed() => $"{_clock.Elapsed.TotalSeconds,6:0.0}s";

    private static string Describe(PlanStep step)
    {
        var target = step.Target?.ToString();
        var value = step.Value is null ? null : $"\"{step.Value}\"";
        return string.Join(" ", new[] { target, value is null ? null : (target is null ? value : "= " + value) }.Where(s => s is not null));
    }
}
