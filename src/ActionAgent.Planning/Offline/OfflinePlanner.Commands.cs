using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

public sealed partial class OfflinePlanner
{
    private async Task<PlanDecision> NextCommandAsync(PlanningContext context, PageModel page, CancellationToken cancellationToken)
    {
        var commands = _run.Commands!;
        while (_run.Index < commands.Count)
        {
            var command = commands[_run.Index];
            _run.LastIndex = _run.Index;
            _run.LastPhase = 0;
            if (command.Target is null)
            {
                _run.Advance();
                var step = command.Action == ActionKind.WaitFor
                    ? new PlanStep { Action = ActionKind.WaitFor, Value = command.Value, Description = command.Text, Origin = Name }
                    : new PlanStep { Action = command.Action, Value = command.Value, Description = command.Text, Origin = Name };
                return PlanDecision.Continue([step], $"command {_run.Index} of {commands.Count}");
            }

            var best = await _scorer.BestAsync(command.Target, command.Action, n => ElementScorer.RoleFit(command.Action, n), page.All,
                cancellationToken, IsExcluded).ConfigureAwait(false);
            if (best is null || best.Score < _options.MinimumScore)
            {
                // "Set the stock for Braga to 30" where no field says so (the row's "Edit" opens it): before anything was
                // done, the action search, which opens editors and looks inside items, takes the goal over.
                if (_run.Index == 0 && _run.CommandSubGoals.Count > 0 && page.All.Any(n => n.Role is "row" or "listitem" or "article"))
                {
                    _run.Commands = null;
                    _run.Search = new SearchState(_run.CommandSubGoals);
                    return await NextSearchStepAsync(context, page, cancellationToken).ConfigureAwait(false);
                }
                if (Pause($"looking for {command.Target}") is { } pause) return pause;
                var closest = best is null ? "nothing that fits the action" : best.Explain();
                // The accessibility tree has nothing usable (a canvas, an image button): hand the engine the target as
                // words, so its grounder and then the visual locator can find it on the screenshot.
                _run.Advance();
                var described = new PlanStep
                {
                    Action = command.Action, Target = ElementTarget.Describe(command.Target), Value = command.Value,
                    Description = command.Text, Origin = Name,
                };
                return PlanDecision.Continue([described], $"nothing in the accessibility tree fits \"{command.Target}\" (closest: {closest}); leaving it to the visual locator");
            }
            var node = best.Node;
            if (command.Action == ActionKind.Check && node.Has("checked") || command.Action == ActionKind.Uncheck && node.Role == "checkbox" && !node.Has("checked"))
            {
                _run.Advance();
                continue; // already as asked
            }
            var value = command.Value;
            if (command.Action == ActionKind.Select && value is not null && node.Children.Where(c => c.Role == "option").ToList() is { Count: > 0 } options)
            {
                var option = options.FirstOrDefault(o => string.Equals(o.Name, value, StringComparison.OrdinalIgnoreCase))
                    ?? (await _scorer.RankAsync(value, ActionKind.Click, options, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.Node;
                if (option is not null) value = option.Name;
            }
            _run.Advance();
            return PlanDecision.Continue([Step(command.Action, node, value, command.Text, command.Target)], best.Explain());
        }
        return PlanDecision.Done($"all {commands.Count} command(s) are done");
    }
}
