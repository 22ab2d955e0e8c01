using ActionAgent.Core.Observation;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Engine;

// The evidence rule: the goal's sub-goals come from the interpreter, every step's effect is checked against them, and
// a run succeeds only when each non-optional sub-goal's effect was observed (and the scenario's expect: holds).
public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private SubGoalLedger? _goals;
        private bool _interpreted;
        private UiObservation? _firstObservation;

        /// <summary>Reads the goal as sub-goals once, when an interpreter is configured and the scenario plans from a goal.</summary>
        private async Task InterpretGoalAsync(CancellationToken token)
        {
            if (_interpreted) return;
            _interpreted = true;
            if (_engine._services.Interpreter is not { } interpreter || string.IsNullOrWhiteSpace(Scenario.Goal) || Scenario.Steps.Count > 0) return;
            var interpretation = await interpreter.InterpretAsync(PlanningGoal, token).ConfigureAwait(false);
            _goals = new SubGoalLedger(interpretation.SubGoals);
            Log.LogInformation("The goal reads as {Count} sub-goal(s): {SubGoals}", interpretation.SubGoals.Count,
                string.Join("; ", interpretation.SubGoals.Select(g => Vault.Mask($"{g} → {g.Effect}"))));
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
