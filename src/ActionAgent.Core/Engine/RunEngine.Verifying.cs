using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Engine;

public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private async Task VerifyAsync(CancellationToken token)
        {
            var pending = _s.Pending ?? throw new InvalidOperationException("Verifying without a step that acted.");
            using var checking = Measure(StepPhase.Check);
            // Still pending while the screen is read: a driver that fails here leaves the step recorded as not checked.
            // The picture may still be on its way (a driver that can take it beside other work): the step is checked and
            // recorded and the next one planned meanwhile; whatever looks at pixels waits for it, and nothing acts before
            // it is there (CompleteAfterShotAsync).
            // With --screenshots failures no picture is asked for here: one is taken only when something reads it.
            var after = await ObserveAsync(screenshot: EveryPicture, token, pictureLater: true).ConfigureAwait(false);
            var shot = after.PendingScreenshot;
            after = after with { PendingScreenshot = null };
            _s.Pending = null;
            var recordedValue = pending.Step.Value is null || ValueTemplate.ReferencesSecret(pending.Step.Value) ? null : Vault.Mask(pending.Step.Value);
            // A ${vars.*} value may hold a secret the page echoed, and the page's names may quote one: masked.
            var checks = MaskChecks(CheckDeriver.Derive(pending.Step, pending.Before, after, pending.Result.ResolvedTarget,
                recordedValue is null ? null : ValueTemplate.Resolve(recordedValue, Scenario.Inputs, SecretVault.Empty, _s.Variables, out _)));

            RecordedVerdict? verdict = null;
            var verifier = _engine._services.Verifier;
            if (verifier is not null)
            {
                // A vision model may be asked: the URL, title and snapshot it gets are masked like a planner's.
                var check = new ScreenCheck(pending.Step, pending.Step.Expect, MaskForPlanner(pending.Before), MaskForPlanner(after));
                if (after.Screenshot is null && verifier.NeedsScreenshot(check) && (shot ??= PictureOnDemand(token)) is not null)
                {
                    after = await WithPictureAsync(after, shot).ConfigureAwait(false);
                    check = check with { After = MaskForPlanner(after) };
                }
                var answer = await ScreenCheckAsync(verifier, check, token).ConfigureAwait(false);
                _s.Usage += answer.Usage;
                verdict = new RecordedVerdict(answer.Outcome, answer.Confidence, Vault.Mask(answer.Reason), answer.Backend,
                    answer.Evidence.ToDictionary(p => p.Key, p => Vault.Mask(p.Value), StringComparer.Ordinal));
            }

            if (OverModelBudget(out var budgetReason))
            {
                await RecordAsync(pending, await WithPictureAsync(after, shot ??= PictureOnDemand(token)).ConfigureAwait(false), checks, verdict, null).ConfigureAwait(false);
                _s.Reason = budgetReason;
                await _machine.FireAsync(RunTrigger.BudgetExceeded).ConfigureAwait(false);
                return;
            }

            // A step that states what it expects (expect:) is an assertion: unless the check saw it, the step did not
            // show it. Without one, only a failed check fails the step (the tree's checks and the goal's evidence decide).
            var unconfirmed = verdict is { Outcome: VerdictOutcome.Unsure } && !string.IsNullOrWhiteSpace(pending.Step.Expect);
            var failed = verdict is { Outcome: VerdictOutcome.Failed } || unconfirmed;
            var error = !failed ? null
                : unconfirmed ? $"The screen check could not confirm \"{Vault.Mask(pending.Step.Expect!)}\": {verdict!.Reason}"
                : $"The screen check failed: {verdict!.Reason}";
            // A failed step's record names its picture; a step the visual locator acted on is credited on the pictures.
            if (failed || pending.Result.ResolvedBy == "visual") after = await WithPictureAsync(after, shot ??= PictureOnDemand(token)).ConfigureAwait(false);
            var (subGoal, effect) = await VisualEffectAsync(pending, after, verdict, CheckEffect(pending, after), token).ConfigureAwait(false);
            var record = await RecordAsync(pending, after, checks, verdict, error, subGoal, effect, after.Screenshot is null ? shot : null).ConfigureAwait(false);
            if (failed)
            {
                _s.Failure = new StepFailure(pending.Step, $"Step {pending.Index} ({Vault.Mask(pending.Step.ToString())}): {error} Screenshot: {record.ShotAfter}.", ActionFailureKind.None);
                Log.LogWarning("Step {Index} check failed: {Reason}", pending.Index, Vault.Mask(verdict!.Reason));
                await _machine.FireAsync(RunTrigger.CheckFailed).ConfigureAwait(false);
                return;
            }

            if (_s.Queue.Count == 0)
            {
                await _machine.FireAsync(RunTrigger.NeedSteps).ConfigureAwait(false);
            }
            else if (_s.StepCount >= Policy.MaxSteps)
            {
                _s.Reason = StepBudgetReason();
                await _machine.FireAsync(RunTrigger.BudgetExceeded).ConfigureAwait(false);
            }
            else
            {
                await _machine.FireAsync(RunTrigger.NextStep).ConfigureAwait(false);
            }
        }

        /// <summary>The files the page downloaded during the step (logged, masked); null when none.</summary>
        private IReadOnlyList<string>? Downloaded(PendingCheck pending, UiObservation after)
        {
            if (after.Downloads.Count <= pending.Before.Downloads.Count) return null;
            var files = after.Downloads.Skip(pending.Before.Downloads.Count).Select(Vault.Mask).ToList();
            foreach (var file in files) Log.LogInformation("Step {Index}: the page downloaded {File}", pending.Index, file);
            return files;
        }

        /// <summary>Whether every step is photographed: the run's choice, or a planner that reads pictures.</summary>
        private bool EveryPicture => _engine._services.Screenshots == RunScreenshots.All || _engine._planner.ReadsScreenshots;

        /// <summary>
        /// With <see cref="RunScreenshots.Failures"/>, a picture of the screen as it is now, for whatever needs one; with
        /// every step photographed, null (the step's own picture is the one to wait for).
        /// </summary>
        private Task<byte[]>? PictureOnDemand(CancellationToken token) => EveryPicture ? null : PictureNowAsync(token);

        /// <summary>A picture of the screen as it is now, with every field that received a secret painted over.</summary>
        private Task<byte[]> PictureNowAsync(CancellationToken token) => Driver.ScreenshotAsync([.. _s.Masked], token);

        /// <summary>The after observation with its picture, waited for (as it is when none is on its way).</summary>
        private async Task<UiObservation> WithPictureAsync(UiObservation after, Task<byte[]>? shot)
        {
            if (after.Screenshot is not null || shot is null) return after;
            using var observing = Measure(StepPhase.Observe);
            return after with { Screenshot = await shot.ConfigureAwait(false) };
        }

        /// <summary>
        /// Saves the after-shot and the step record; the after observation becomes the next step's before. With
        /// <paramref name="pendingShot"/> (the picture still being taken), the record waits for it: CompleteAfterShotAsync.
        /// </summary>
        private async Task<StepRecord> RecordAsync(PendingCheck pending, UiObservation after, IReadOnlyList<DerivedCheck> checks,
            RecordedVerdict? verdict, string? error, int? subGoal = null, RecordedEffect? effect = null, Task<byte[]>? pendingShot = null)
        {
            using var recording = Measure(StepPhase.Record);
            var shotAfter = after.Screenshot is null ? null : await SaveArtifactAsync(AfterShotName(pending.Index), after.Screenshot).ConfigureAwait(false);
            var crop = await SaveCropAsync(pending).ConfigureAwait(false);
            var step = pending.Step;
            var value = RecordedValue(step);
            var record = new StepRecord
            {
                Index = pending.Index,
                Action = step.Action.ToName(),
                Value = value,
                Parameters = [.. ValueTemplate.Placeholders(value).Select(p => $"{p.Scope}.{p.Name}")
                    .Concat(TargetTemplate.Placeholders(pending.RequestedTarget)).Distinct(StringComparer.Ordinal)],
                Description = MaskOrNull(step.Description),
                // Placeholders stay in the recording (replay's --param changes them); otherwise the target as grounded.
                RequestedTarget = MaskTarget(TargetTemplate.Placeholders(pending.RequestedTarget).Count > 0 ? pending.RequestedTarget : step.Target),
                Target = MaskTarget(pending.Result.ResolvedTarget),
                ResolvedBy = pending.Result.ResolvedBy,
                RequestedDropTarget = MaskTarget(step.DropTarget),
                DropTarget = MaskTarget(pending.Result.ResolvedDropTarget),
                DropResolvedBy = pending.Result.DropResolvedBy,
                Dialogs = MaskedDialogs(pending.Result),
                Downloads = Downloaded(pending, after),
                Grounding = MaskOrNull(pending.Grounding),
                Outcome = error is null ? StepOutcome.Succeeded : StepOutcome.Failed,
                Error = error,
                Attempts = pending.Attempts,
                Checks = checks,
                Verdict = verdict,
                LocationBefore = Vault.Mask(pending.Before.Location),
                LocationAfter = Vault.Mask(after.Location),
                ShotBefore = pending.ShotBefore,
                ShotAfter = shotAfter,
                Crop = crop,
                SubGoal = subGoal ?? step.SubGoal,
                Effect = effect,
                Planner = step.Origin ?? _engine._planner.Name,
                Tags = step.Tags,
                Approval = TakeApproval(),
                StartedAt = pending.StartedAt,
                ActionMs = pending.ActionMs,
                DurationMs = (long)_engine.Time.GetElapsedTime(pending.StartTimestamp).TotalMilliseconds,
                Timings = Clock.TakeStep(),
            };
            _s.Records.Add(record);
            _s.History.Add(new ExecutedStep(step, error is null, error));
            _s.LastObservation = after;
            _s.LastShot = shotAfter;
            // A record without a picture (--screenshots failures) waits like one whose picture is on its way: should the
            // run end on this step, it gets the picture of the end (CompleteAfterShotAsync).
            if (pendingShot is not null || (after.Screenshot is null && !EveryPicture))
            {
                _s.AfterShot = new DeferredShot(pendingShot, record, after);
                return record;
            }
            await PublishAsync(record).ConfigureAwait(false);
            return record;
        }

        private static string AfterShotName(int index) => $"{index:000}-after.png";

        /// <summary>A checked step's record, to the recording and to whoever follows the run's progress.</summary>
        private async Task PublishAsync(StepRecord record)
        {
            await _engine._sink.AppendStepAsync(record, CancellationToken.None).ConfigureAwait(false);
            _engine._services.Progress.StepFinished(record);
        }

        /// <summary>
        /// The last step's after-picture, taken while that step was checked and the next one planned: waited for before
        /// anything acts again, before a planner that reads pictures plans, before the goal's final checks and at the end
        /// of the run; then saved, and the step's record written to the recording with it. A picture that could not be
        /// taken leaves the record without one (still written), and the driver's failure goes on to end the run.
        /// </summary>
        /// <param name="endPicture">
        /// The run ends here: a record without a picture (<see cref="RunScreenshots.Failures"/>) gets this one, the screen
        /// the run ended on. Null: such a record is written as it is.
        /// </param>
        private async Task CompleteAfterShotAsync(Func<Task<byte[]?>>? endPicture = null)
        {
            if (_s.AfterShot is not { } deferred) return;
            _s.AfterShot = null;
            var record = deferred.Record;
            try
            {
                var shot = deferred.Shot;
                if (shot is null && endPicture is not null)
                {
                    using var observing = Measure(StepPhase.Observe);
                    if (await endPicture().ConfigureAwait(false) is { } picture) shot = Task.FromResult(picture);
                }
                if (shot is null) return;
                var after = await WithPictureAsync(deferred.Observation, shot).ConfigureAwait(false);
                var path = await SaveArtifactAsync(AfterShotName(record.Index), after.Screenshot!).ConfigureAwait(false);
                record = record with { ShotAfter = path };
                var at = _s.Records.IndexOf(deferred.Record);
                if (at >= 0) _s.Records[at] = record;
                _s.LastShot = path;
                if (ReferenceEquals(_s.LastObservation, deferred.Observation)) _s.LastObservation = after;
            }
            finally
            {
                await PublishAsync(record).ConfigureAwait(false);
            }
        }

        /// <summary>Saves the crop of the resolved target's box (<see cref="StartCrop"/>), when one was cut.</summary>
        private async Task<string?> SaveCropAsync(PendingCheck pending)
        {
            if (pending.Crop is not { } cutting) return null;
            var png = await cutting.ConfigureAwait(false);
            return png is null ? null : await SaveArtifactAsync($"{pending.Index:000}-crop.png", png).ConfigureAwait(false);
        }

        /// <summary>
        /// Starts cutting the acted element's box out of the before-screenshot, when a cropper is configured, on a pool
        /// thread: it decodes a whole screenshot, and is done while the after is observed (the browser's work).
        /// </summary>
        private Task<byte[]?>? StartCrop(ActionResult result, UiObservation before) =>
            _engine._services.Cropper is { } cropper && result.ResolvedTarget?.Box is { } box && before.Screenshot is { } shot
                ? Task.Run(() => cropper.Crop(shot, box))
                : null;

        private RecordedApproval? TakeApproval()
        {
            var approval = _s.StepApproval;
            _s.StepApproval = null;
            return approval;
        }

        /// <summary>A step that acted but was interrupted before its check is still recorded.</summary>
        private async Task FlushPendingAsync(string failedReason)
        {
            if (_s.Pending is not { } pending) return;
            _s.Pending = null;
            var record = new StepRecord
            {
                Index = pending.Index,
                Action = pending.Step.Action.ToName(),
                Value = RecordedValue(pending.Step),
                RequestedTarget = TargetTemplate.Placeholders(pending.RequestedTarget).Count > 0 ? pending.RequestedTarget : pending.Step.Target,
                Target = pending.Result.ResolvedTarget,
                ResolvedBy = pending.Result.ResolvedBy,
                RequestedDropTarget = pending.Step.DropTarget,
                DropTarget = pending.Result.ResolvedDropTarget,
                DropResolvedBy = pending.Result.DropResolvedBy,
                Dialogs = MaskedDialogs(pending.Result),
                Outcome = StepOutcome.Failed,
                Error = $"The step acted but was not checked: {failedReason}.",
                ShotBefore = pending.ShotBefore,
                LocationBefore = Vault.Mask(pending.Before.Location),
                Approval = TakeApproval(),
                StartedAt = pending.StartedAt,
                ActionMs = pending.ActionMs,
                Timings = Clock.TakeStep(),
            };
            _s.Records.Add(record);
            await _engine._sink.AppendStepAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
