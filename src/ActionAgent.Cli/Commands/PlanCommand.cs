using System.CommandLine;
using ActionAgent.Browser;
using ActionAgent.Cli.Running;
using ActionAgent.Composition;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Sites;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent plan</c>: shows the plan for a scenario or a goal without acting.</summary>
internal static class PlanCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string?>("scenario") { Description = "The scenario file (YAML). Leave out with --goal.", Arity = ArgumentArity.ZeroOrOne };
        var goal = new Option<string?>("--goal", "-g") { Description = "A goal in plain words, instead of a scenario file." };
        var start = new Option<string?>("--start") { Description = "Open this URL (or site:NAME) and ground the plan against the page; nothing is clicked or typed." };
        var ground = new Option<bool>("--ground") { Description = "With a scenario file: open its app and ground the plan against the first page." };
        var planner = new Option<string?>("--planner") { Description = "offline (default), openai, azure or compatible." };
        var onDevice = new Option<bool>("--on-device") { Description = "Allow local backends only." };
        var command = new Command("plan", """
            Show the plan for a goal or a scenario without acting.

            Examples:
              agent plan scenarios/book-flight.yaml
              agent plan --goal "book the cheapest flight from London to Paris on 24 December"
              agent plan --goal "type Ada into the name field and click Submit" --start site:commands/labels.html

            Without --start (or --ground) the plan is made from the words alone; with it, the page is opened (headless,
            read-only) and each step the planner can see is grounded to an element.
            """)
        {
            file, goal, start, ground, planner, onDevice,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var composition = new AgentComposition(CliAgentOptions.Create(parse.GetValue(planner), parse.GetValue(onDevice)));
            var scenario = ScenarioInput.Resolve("plan", parse.GetValue(file), parse.GetValue(goal), parse.GetValue(start), SecretCheck.Warning, goalNeedsStart: false,
                composition);
            if (scenario is null) return ExitCodes.BadInput;
            var chosen = composition.CreatePlanner(scenario, perception: null, out var error);
            if (chosen is null)
            {
                CliErrors.Error(error ?? "no planner could be chosen");
                return ExitCodes.BadInput;
            }
            var groundOn = parse.GetValue(start) is not null || parse.GetValue(ground) ? scenario : null;
            UiObservation? observation = null;
            try
            {
                if (groundOn is not null)
                {
                    (observation, var openError) = await ObserveStartAsync(composition, groundOn, cancellationToken);
                    if (observation is null)
                    {
                        CliErrors.Error(openError!);
                        return ExitCodes.BadInput;
                    }
                }
            }
            catch (Exception e) when (e is SiteNotFoundException or InvalidDataException)
            {
                CliErrors.Error(e.Message);
                return ExitCodes.BadInput;
            }
            catch (BrowserNotFoundException e)
            {
                CliErrors.Error(e.Message);
                return ExitCodes.Environment;
            }
            var context = new PlanningContext
            {
                Goal = scenario.PlanningGoal,
                Inputs = scenario.Inputs,
                SecretNames = [.. scenario.Secrets.Keys],
                Observation = observation,
            };
            var steps = await chosen.DraftAsync(context, cancellationToken);
            var grounded = observation is null ? null : await GroundAsync(composition, steps, observation, cancellationToken);
            // The offline planner works most goals out on the page, sub-goal by sub-goal: what it read is the plan to show.
            var reading = chosen.Name == "offline" && scenario.Goal is { Length: > 0 } && scenario.Steps.Count == 0
                ? await composition.CreateInterpreter().InterpretAsync(scenario.PlanningGoal, cancellationToken)
                : null;
            Print(console, scenario, chosen, observation, steps, grounded, reading);
            return steps.Count > 0 || reading is { SubGoals.Count: > 0, Confidence: >= UnsureReading } ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return command;
    }

    /// <summary>The qualifiers in words: "all", "3", "cheapest", "2nd", "last", "on", "off".</summary>
    private static string Which(GoalQualifiers q)
    {
        var parts = new List<string>();
        if (q.Quantity == Quantity.All) parts.Add("all");
        if (q.Quantity == Quantity.Count && q.Count is { } count) parts.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (q.Ordering is { } ordering) parts.Add(ordering);
        if (q.Ordinal is { } ordinal) parts.Add(ordinal switch { -1 => "last", < 0 => $"{-ordinal}th from last", _ => $"#{ordinal}" });
        if (q.DesiredState is { } on) parts.Add(on ? "on" : "off");
        return string.Join(", ", parts);
    }

    /// <summary>Below this the reading is a guess: shown, but the plan fails.</summary>
    private const double UnsureReading = 0.5;

    /// <summary>The start page's observation, or why it could not be opened (a closed port is bad input, not a crash).</summary>
    private static async Task<(UiObservation? Observation, string? Error)> ObserveStartAsync(AgentComposition composition, Scenario scenario,
        CancellationToken cancellationToken)
    {
        await using var setup = await composition.PrepareRunAsync(scenario, cancellationToken);
        await using var driver = await PlaywrightDriver.LaunchAsync(composition.BrowserOptionsFor(composition.AllowListFor(scenario, setup.StartUrl)), cancellationToken);
        if (setup.StartUrl is not null)
        {
            var open = new PlanStep { Action = ActionKind.Goto, Value = setup.StartUrl };
            var result = await driver.ExecuteAsync(new UiAction(open, setup.StartUrl, false, scenario.Policy.StepTimeout), cancellationToken);
            if (!result.Succeeded) return (null, $"--start: could not open {setup.StartUrl}: {result.Error}");
        }
        return (await driver.ObserveAsync(ObserveOptions.SnapshotOnly, cancellationToken), null);
    }

    /// <summary>Each step's target as the page shows it now (steps for later pages say so).</summary>
    private static async Task<IReadOnlyList<string>> GroundAsync(AgentComposition composition, IReadOnlyList<PlanStep> steps, UiObservation observation,
        CancellationToken cancellationToken)
    {
        var grounder = composition.CreateGrounder();
        var result = new List<string>();
        foreach (var step in steps)
        {
            if (step.Target is not { IsSemanticOnly: true })
            {
                result.Add("");
                continue;
            }
            var answer = await grounder.GroundAsync(step, observation, cancellationToken);
            result.Add(answer.Target is null ? "(not on this page)" : $"{answer.Target} ({answer.Score:0.00})");
        }
        return result;
    }

    private static void Print(IAnsiConsole console, Scenario scenario, IPlanner planner, UiObservation? observation, IReadOnlyList<PlanStep> steps,
        IReadOnlyList<string>? grounded, GoalInterpretation? reading)
    {
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Goal ?? scenario.Name)}[/]");
        if (reading is { SubGoals.Count: > 0 })
        {
            PrintReading(console, reading);
            if (steps.Count == 0 && reading.Confidence < UnsureReading)
            {
                CliErrors.Error($"the offline planner found no clear action in this goal (confidence {reading.Confidence:0.00}): say what to do with a verb it knows (click, type, choose, tick, open, remove, sort, submit…), or write explicit steps.");
                return;
            }
            if (steps.Count == 0)
            {
                console.MarkupLine("[grey]The offline planner finds each sub-goal's control on the page as it runs, and a sub-goal is reached only when its[/]");
                console.MarkupLine("[grey]evidence shows on the screen. Run it with: agent run --goal \"…\" --start URL[/]");
                return;
            }
        }
        console.MarkupLine($"[grey]planner {Markup.Escape(planner.Name)}{(observation is null ? " · from the words alone" : $" · grounded on {Markup.Escape(observation.Location)}")}[/]");
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "action", "target", "value");
        if (grounded is not null) table.AddColumn("on the page");
        table.AddColumn("why");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var target = step.Target is null ? "" : step.Target.IsSemanticOnly ? step.Target.Description ?? "" : step.Target.ToString();
            var cells = new List<string>
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(step.Action.ToName()),
                Markup.Escape(target),
                Markup.Escape(step.Value ?? ""),
            };
            if (grounded is not null) cells.Add(Markup.Escape(grounded[i]));
            cells.Add(Markup.Escape(step.Description ?? ""));
            table.AddRow([.. cells]);
        }
        console.Write(table);
        if (steps.Count == 0)
        {
            CliErrors.Error(planner.Name == "offline"
                ? "the offline planner could not read this goal as anything to do on a page."
                : $"the planner {planner.Name} made no steps for this goal.");
        }
    }

    /// <summary>The goal as the offline planner reads it: one row per sub-goal, with the evidence that proves it.</summary>
    private static void PrintReading(IAnsiConsole console, GoalInterpretation reading)
    {
        console.MarkupLine($"[grey]read as these sub-goals (confidence {reading.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}; each is done only when its evidence shows on the screen):[/]");
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "to do", "object", "values", "which", "where", "evidence");
        foreach (var goal in reading.SubGoals)
        {
            var values = string.Join(", ", goal.Values.Select(v => v.Label is { Length: > 0 } label ? $"{label}: {v.Text}" : v.Text));
            table.AddRow(
                goal.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(goal.Family.ToString() + (goal.Optional ? " (optional)" : "")),
                Markup.Escape(goal.Object),
                Markup.Escape(values),
                Markup.Escape(Which(goal.Qualifiers)),
                Markup.Escape(goal.Scope ?? ""),
                Markup.Escape(goal.Effect.ToString()));
        }
        console.Write(table);
        if (reading.Unparsed.Count > 0)
        {
            console.MarkupLine($"[yellow]words it could not place:[/] {Markup.Escape(string.Join(" ", reading.Unparsed))}");
        }
    }
}
