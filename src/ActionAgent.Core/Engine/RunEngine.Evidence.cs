using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Engine;

// The evidence rule: the goal's sub-goals come from the interpreter, every step's effect is checked against them, and
// a run succeeds only when each non-optional sub-goal's effect was observed (and the scenario's expect: holds).
public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private SubGoalLedger? _goals;
        private Task? _goalWork;
        private UiObservation? _firstObservation;

        /// <summary>
        /// What needs the goal and no page: the interpreter's sub-goals, then the planner's own start
        /// (<see cref="IPlanner.PrepareAsync"/>). Started when the run starts so it overlaps the app's opening; the first
        /// plan awaits it. Nothing else reads <see cref="_goals"/> before then: the app's start step has no effect check.
        /// </summary>
        private async Task ReadGoalAsync(CancellationToken token)
        {
            if (_engine._services.Interpreter is { } interpreter && !string.IsNullOrWhiteSpace(Scenario.Goal) && Scenario.Steps.Count == 0)
            {
                var interpretation = await interpreter.InterpretAsync(PlanningGoal, token).ConfigureAwait(false);
                _goals = new SubGoalLedger(interpretation.SubGoals);
                Log.LogInformation("The goal reads as {Count} sub-goal(s): {SubGoals}", interpretation.SubGoals.Count,
                    string.Join("; ", interpretation.SubGoals.Select(g => Vault.Mask($"{g} → {g.Effect}"))));
            }
            await _engine._planner.PrepareAsync(new PlanningContext
            {
                Goal = PlanningGoal,
                Inputs = Scenario.Inputs,
                SubGoals = SubGoalsForPlanner,
            }, token).ConfigureAwait(false);
        }

        /// <summary>
        /// Waits for the goal's reading before the run reports, so nothing of it outlives the run (the embedder it uses
        /// may be disposed next), also when the run ended before its first plan (the app did not open, a cancel). What it
        /// threw was the first plan's to handle; when no plan awaited it, it only goes to the log.
        /// </summary>
        private async Task SettleGoalWorkAsync()
        {
            if (_goalWork is null) return;
            try
            {
                await _goalWork.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.LogDebug(MaskedException.Mask(e, Vault), "The goal's reading ended in an error");
            }
        }

        /// <summary>The effect check after a step that acted, for the step's record.</summary>
        private (int? SubGoal, RecordedEffect? Effect) CheckEffect(PendingCheck pending, UiObservation after)
        {
            if (pending.Step.Origin == "app.start")
            {
                _firstObservation = after;
                return (null, null);
            }
            _firstObservation ??= pending.Before;
            if (_goals is null) return (pending.Step.SubGoal, null);
            var (index, evidence) = _goals.AfterStep(pending.Index, pending.Step, pending.Before, after);
            if (index is not { } i || evidence is null) return (pending.Step.SubGoal, null);
            var goal = _goals.SubGoals.First(g => g.Index == i);
            Log.LogInformation("Step {Index} served sub-goal {SubGoal}: {Expected} {Outcome} ({Evidence})", pending.Index, i,
                goal.Effect.ToString(), evidence.Observed ? "observed" : "not observed", Vault.Mask(evidence.Detail));
            return (i, new RecordedEffect(i, Vault.Mask(goal.Effect.ToString()), evidence.Observed, Vault.Mask(evidence.Detail)));
        }

        /// <summary>When the planner says done: every non-optional sub-goal must have shown its effect; null when they all did.</summary>
        private string? MissingSubGoals(UiObservation final)
        {
            if (_goals is null) return null;
            _goals.AtEnd(_firstObservation ?? final, final);
            var missing = _goals.Missing();
            if (missing.Count == 0)
            {
                // Every effect showed, yet the page answers the last step with an error: the goal was not reached.
                return EffectEvaluator.ErrorAtEnd(_firstObservation ?? final, final, _goals.SubGoals) is { } error
                    ? Vault.Mask($"The planner said the goal is reached, but the page shows an error after the last step: \"{error}\" (sub-goal {_goals.SubGoals[^1]} was expected to leave none).")
                    : null;
            }
            var first = missing[0];
            var more = missing.Count > 1 ? $" ({missing.Count - 1} more sub-goal(s) not achieved: {string.Join(", ", missing.Skip(1).Select(m => m.ToString()))})" : "";
            return Vault.Mask($"The planner said the goal is reached, but sub-goal {first} was not achieved: expected {first.Effect}; the screen showed: {_goals.LastSeen(first.Index)}.{more}");
        }

        private IReadOnlyList<RecordedSubGoal> SubGoalReport() => _goals is null ? [] :
            [.. _goals.Report().Select(r => new RecordedSubGoal(r.Goal.Index, Vault.Mask(r.Goal.Text), r.Goal.Family.ToString(),
                Vault.Mask(r.Goal.Effect.ToString()), r.Achieved, Vault.Mask(r.Evidence), r.Goal.Optional, r.AtStep))];

        private IReadOnlyList<Goals.SubGoal> SubGoalsForPlanner => _goals?.SubGoals ?? [];

        private IReadOnlySet<int> AchievedForPlanner => _goals?.Achieved ?? new HashSet<int>();
    }
}
