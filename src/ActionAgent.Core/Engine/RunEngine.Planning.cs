using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Engine;

public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private async Task PlanAsync(bool replanning, CancellationToken token)
        {
            if (!replanning && _s.Queue.Count > 0)
            {
                // The app's start step was queued before planning; the planner plans from the opened app.
                await _machine.FireAsync(RunTrigger.PlanReady).ConfigureAwait(false);
                return;
            }
            if (replanning) _s.Queue.Clear();
            using var planning = Measure(StepPhase.Plan);
            await (_goalWork ??= ReadGoalAsync(token)).ConfigureAwait(false);

            var planner = _engine._planner;
            if (planner.ReadsScreenshots) await CompleteAfterShotAsync().ConfigureAwait(false);
            var observation = _s.LastObservation ?? await ObserveAsync(screenshot: false, token).ConfigureAwait(false);
            var decision = await planner.NextAsync(CreatePlanningContext(observation, replanning), token).ConfigureAwait(false);
            _s.Usage += decision.Usage;

            var kind = decision.Kind switch
            {
                PlanDecisionKind.Continue => replanning ? "replan" : "plan",
                PlanDecisionKind.Done => "done",
                _ => "give-up",
            };
            await _engine._sink.AppendPlanEventAsync(new PlanEvent
            {
                Kind = kind,
                Planner = planner.Name,
                AtStep = _s.StepCount + 1,
                Reason = Vault.Mask(replanning && _s.Failure is not null
                    ? $"after failure: {_s.Failure.Reason}" + (decision.Reason is null ? "" : $"; planner: {decision.Reason}")
                    : decision.Reason ?? ""),
                Steps = [.. decision.Steps.Select(s => Vault.Mask(s.ToString()))],
                Usage = decision.Usage,
                At = _engine.Time.GetUtcNow(),
            }, CancellationToken.None).ConfigureAwait(false);

            if (OverModelBudget(out var budgetReason))
            {
                _s.Reason = budgetReason;
                await _machine.FireAsync(RunTrigger.BudgetExceeded).ConfigureAwait(false);
                return;
            }

            switch (decision.Kind)
            {
                case PlanDecisionKind.Continue when decision.Steps.Count > 0:
                    foreach (var step in decision.Steps) _s.Queue.Enqueue(step);
                    Log.LogInformation("Planner {Planner} {Kind} {Count} step(s): {Reason}", planner.Name, kind, decision.Steps.Count, decision.Reason is null ? null : Vault.Mask(decision.Reason));
                    if (_s.StepCount >= Policy.MaxSteps)
                    {
                        _s.Reason = StepBudgetReason();
                        await _machine.FireAsync(RunTrigger.BudgetExceeded).ConfigureAwait(false);
                        return;
                    }
                    await _machine.FireAsync(RunTrigger.PlanReady).ConfigureAwait(false);
                    break;
                case PlanDecisionKind.Done:
                    await CheckExpectationsAsync(token).ConfigureAwait(false);
                    break;
                default:
                    var why = decision.Kind == PlanDecisionKind.Continue ? "the planner returned no steps" : decision.Reason ?? "the planner gave up";
                    _s.Reason = _s.Failure is null ? why : $"{_s.Failure.Reason} The planner could not recover: {why}";
                    await _machine.FireAsync(RunTrigger.PlannerGaveUp).ConfigureAwait(false);
                    break;
            }
        }

        private async Task CheckExpectationsAsync(CancellationToken token)
        {
            // The run ends here unless an expectation fails: a last step recorded without a picture gets this screen's.
            UiObservation? observation = null;
            await CompleteAfterShotAsync(async () => (observation = await ObserveAsync(screenshot: true, token).ConfigureAwait(false)).Screenshot).ConfigureAwait(false);
            using var checking = Measure(StepPhase.Check);
            var results = new List<CheckResult>();
            observation ??= await ObserveAsync(screenshot: _engine._services.Verifier is not null, token).ConfigureAwait(false);
            _s.LastObservation = observation;
            foreach (var expectation in Scenario.Expect)
            {
                results.Add(await CheckExpectationAsync(expectation, observation, token).ConfigureAwait(false));
            }
            _s.Expectations = results;
            var failed = results.Where(r => !r.Passed).ToList();
            var missing = MissingSubGoals(observation);
            if (failed.Count == 0 && missing is null)
            {
                await _machine.FireAsync(RunTrigger.GoalReached).ConfigureAwait(false);
                return;
            }
            _s.Reason = failed.Count == 0 ? missing
                : (missing is null ? "" : missing + " ") + "The goal's expectations do not hold: " + string.Join("; ", failed.Select(f => $"{f.Check} ({f.Detail})"));
            await _machine.FireAsync(RunTrigger.ExpectationsFailed).ConfigureAwait(false);
        }

        private async Task<CheckResult> CheckExpectationAsync(Scenarios.Expectation expectation, Observation.UiObservation observation, CancellationToken token)
        {
            if (expectation.Text is not null)
            {
                var step = new PlanStep { Action = ActionKind.Assert, Target = new ElementTarget { Text = expectation.Text } };
                var result = await Driver.ExecuteAsync(new UiAction(step, null, false, Policy.StepTimeout), token).ConfigureAwait(false);
                return new CheckResult(expectation.ToString(), result.Succeeded, result.Succeeded ? "visible" : result.Error);
            }
            if (expectation.Url is not null)
            {
                var passed = observation.Location.Contains(expectation.Url, StringComparison.OrdinalIgnoreCase);
                return new CheckResult(expectation.ToString(), passed, observation.Location);
            }
            var verifier = _engine._services.Verifier;
            if (verifier is null)
            {
                return new CheckResult(expectation.ToString(), true, "not checked: no screen verifier is configured");
            }
            var finalStep = new PlanStep { Action = ActionKind.Assert, Description = expectation.Screen };
            var masked = MaskForPlanner(observation);
            using var screenChecking = Measure(StepPhase.ScreenCheck);
            var verdict = await verifier.VerifyAsync(new ScreenCheck(finalStep, expectation.Screen, masked, masked), token).ConfigureAwait(false);
            _s.Usage += verdict.Usage;
            // Only a verdict that saw it holds: "unsure" is no evidence that the run reached its goal.
            return new CheckResult(expectation.ToString(), verdict.Outcome == VerdictOutcome.Passed,
                $"{verdict.Outcome.ToText()} ({verdict.Confidence:0.00}, {verdict.Backend}): {verdict.Reason}");
        }

        private async Task RecoverAsync()
        {
            // The machine's guard ("replans left") decides; the count goes up once the move is made.
            if (_machine.CanFire(RunTrigger.Replan))
            {
                await _machine.FireAsync(RunTrigger.Replan).ConfigureAwait(false);
                _s.Replans++;
                Log.LogInformation("Replanning ({Replan} of {Max}) after: {Reason}", _s.Replans, Policy.MaxReplans, Vault.Mask(_s.Failure?.Reason ?? ""));
                return;
            }
            _s.Reason = $"{_s.Failure?.Reason} No replans left ({Policy.MaxReplans} used).";
            await _machine.FireAsync(RunTrigger.GiveUp).ConfigureAwait(false);
        }
    }
}
