using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Replay;

public sealed partial class ReplayEngine
{
    private sealed partial class ReplayRun
    {
        private async Task<ReplayStepResult> ReplayStepAsync(StepRecord step, CancellationToken cancellationToken)
        {
            var start = Options.Time.GetTimestamp();
            ActionKindNames.TryParse(step.Action, out var kind);
            var label = $"step {step.Index} {step.Action}";
            var summary = Summary(step);
            ReplayStepResult Fail(string error, string? shot = null, ReplayHeal? heal = null, IReadOnlyList<CheckResult>? checks = null, ActionResult? acted = null) => new()
            {
                Index = step.Index, Action = step.Action, Summary = summary, Outcome = ReplayStepOutcome.Failed, Error = Vault.Mask(error), Shot = shot, Heal = heal,
                Checks = checks ?? [], ResolvedBy = acted?.ResolvedBy, Found = acted?.ResolvedTarget,
                DurationMs = Elapsed(start), RecordedMs = step.DurationMs, Timings = _clock.TakeStep(),
            };

            // The target is part of what a step means ("Pay €44"): approvals classify it (acting sets the target again).
            var planStep = new PlanStep { Action = kind, Value = step.Value, Tags = step.Tags, Description = step.Description, Origin = "replay", Target = step.RequestedTarget ?? step.Target,
                DropTarget = ReplayTargets.Drop(step) };
            if (await ApprovalRefusedAsync(step, planStep, cancellationToken).ConfigureAwait(false) is { } refused) return Fail($"{label}: {refused}");

            string? value = null;
            if (step.Value is not null)
            {
                value = ValueTemplate.Resolve(step.Value, _inputs, Vault, _variables, out var unresolved);
                if (unresolved.Count > 0) return Fail($"{label}: the value refers to {string.Join(", ", unresolved)}, which this replay does not have.");
                if (kind == ActionKind.Goto) value = Options.Urls.Rewrite(value);
            }
            var isSecret = ValueTemplate.ReferencesSecret(step.Value);
            var timeout = StepTimeout;
            var primary = ReplayTargets.Primary(step);
            var full = ReplayTargets.Full(step);
            if (primary is not null && TargetTemplate.Placeholders(primary).Count > 0)
            {
                var resolved = TargetTemplate.Resolve(primary, _inputs, _variables);
                // A --param changed what the target names: the recorded layers describe the old element, so they
                // cannot heal this step.
                if (resolved != TargetTemplate.Resolve(primary, recording.Header.Inputs, _variables)) full = null;
                primary = resolved;
            }

            ActionResult result;
            ReplayHeal? heal = null;
            if (primary is null)
            {
                result = await ActAsync(planStep, null, value, isSecret, timeout, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var primaryLayer = ReplayTargets.FirstLayer(primary)!;
                var primaryLocator = ReplayTargets.Locator(primary, primaryLayer);
                var fastTimeout = FastPathTimeout(step, timeout);
                result = await ActAsync(planStep, primary, value, isSecret, fastTimeout, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded && result.FailureKind is ActionFailureKind.TargetNotFound or ActionFailureKind.TargetAmbiguous or ActionFailureKind.Timeout
                    && kind is not ActionKind.Assert && full is not null)
                {
                    var remaining = timeout - Options.Time.GetElapsedTime(start);
                    if (remaining < Options.FastPathMinimum) remaining = Options.FastPathMinimum;
                    if (kind == ActionKind.WaitFor && ReplayTargets.IsDocumentRoot(full))
                    {
                        // The wait was for a condition on the page ("no 'Searching…' left"), recorded as the element that
                        // met it: the page's body. The body is on every page, so finding it proves nothing: the condition
                        // itself gets the rest of the step's time, and a step that was only slow is no heal.
                        result = await ActAsync(planStep, primary, value, isSecret, remaining, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        var probe = await ProbeLayersAsync(planStep, full, result.FailureKind, remaining, cancellationToken).ConfigureAwait(false);
                        if (!probe.Succeeded)
                        {
                            var shot = await ShotAsync($"{step.Index:000}-failed.png", cancellationToken).ConfigureAwait(false);
                            return Fail($"{label}: {primaryLocator} no longer matches ({Vault.Mask(result.Error ?? "not found")}), and no other recorded layer found the element: {probe.Error}", shot);
                        }
                        var foundBy = probe.ResolvedBy ?? "?";
                        var foundLocator = ReplayTargets.Has(full, foundBy) ? ReplayTargets.Locator(full, foundBy) : foundBy;
                        var actOn = ReplayTargets.Has(full, foundBy) ? ReplayTargets.Only(full, foundBy) : full;
                        if (string.Equals(foundLocator, primaryLocator, StringComparison.Ordinal))
                        {
                            result = await ActAsync(planStep, actOn, value, isSecret, remaining, cancellationToken).ConfigureAwait(false); // only slow, not drifted
                        }
                        else
                        {
                            var shot = Options.Screenshots == ReplayScreenshots.None ? null : await ShotAsync($"{step.Index:000}-heal.png", cancellationToken).ConfigureAwait(false);
                            heal = new ReplayHeal(primaryLocator, foundBy, foundLocator, probe.ResolvedTarget, shot, probe.ResolvedTarget?.Box);
                            engine._log.LogWarning("Replay {Step}: {Broken} no longer matches; found by {Found}", label, primaryLocator, foundLocator);
                            if (!Options.AllowHeal)
                            {
                                return Fail($"{label}: {primaryLocator} no longer matches; found by {foundLocator} (--no-heal makes any heal a failure).", shot, heal);
                            }
                            result = await ActAsync(planStep, actOn, value, isSecret, remaining, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            if (!result.Succeeded)
            {
                var shot = await ShotAsync($"{step.Index:000}-failed.png", cancellationToken).ConfigureAwait(false);
                return Fail($"{label}: {result.Error}", shot, heal, acted: result);
            }
            if (DropDrifted(planStep.DropTarget, result) is { } drift)
            {
                // The drop target is found through all its recorded layers; one that is not the first is a heal.
                engine._log.LogWarning("Replay {Step}: the drop target {Drift}", label, drift);
                if (!Options.AllowHeal) return Fail($"{label}: the drop target {drift} (--no-heal makes any heal a failure).", acted: result);
            }
            if (kind == ActionKind.Extract && step.Value is not null) _variables[step.Value] = result.ExtractedText ?? "";
            if (isSecret && (result.ResolvedTarget ?? full) is { } secretField) _masked.Add(secretField);

            var expectedValue = kind is ActionKind.Fill or ActionKind.Type && value is not null && !isSecret ? value : null;
            IReadOnlyList<CheckResult> checks;
            using (_clock.Measure(StepPhase.Check)) checks = await engine._checks.VerifyAsync(step.Checks, result.ResolvedTarget, expectedValue, timeout, cancellationToken).ConfigureAwait(false);
            var failedCheck = checks.FirstOrDefault(c => !c.Passed);
            if (failedCheck is not null)
            {
                var shot = await ShotAsync($"{step.Index:000}-failed.png", cancellationToken).ConfigureAwait(false);
                var healed = heal is null ? "" : $" The step was healed ({heal.BrokenLocator} → {heal.FoundLocator}): the element found may not be the one recorded, or the page changed meaning.";
                return Fail($"{label}: the recorded check \"{failedCheck.Check}\" failed within {Seconds(timeout)}: {failedCheck.Detail}.{healed}", shot, heal, checks, result);
            }
            var after = Options.Screenshots == ReplayScreenshots.All ? await ShotAsync($"{step.Index:000}-after.png", cancellationToken).ConfigureAwait(false) : null;
            return new ReplayStepResult
            {
                Index = step.Index, Action = step.Action, Summary = summary, Outcome = heal is null ? ReplayStepOutcome.Passed : ReplayStepOutcome.Healed,
                ResolvedBy = result.ResolvedBy, Found = result.ResolvedTarget, Heal = heal, Checks = checks,
                Shot = after ?? heal?.Shot, DurationMs = Elapsed(start), RecordedMs = step.DurationMs, Timings = _clock.TakeStep(),
            };
        }

        /// <summary>
        /// Resolves the step's element through its recorded layers without acting, so that a heal can be refused or
        /// photographed first. When the fast path ran out of time (nothing matched yet, or the element was not yet
        /// actionable: a page still rendering on a busy machine), the recorded DOM layers get the rest of the step's time,
        /// the first of them first on every pass, so an element drawn late is found by its first layer and the step is
        /// only slow; the box (coordinates) is tried only when none of them has found the element by then, since it says
        /// where the element was drawn, not whether it is drawn yet. An ambiguous first layer walks every layer at once.
        /// </summary>
        private async Task<ActionResult> ProbeLayersAsync(PlanStep step, ElementTarget full, ActionFailureKind? fastPathFailure, TimeSpan remaining,
            CancellationToken cancellationToken)
        {
            var waitFor = step with { Action = ActionKind.WaitFor };
            var withoutBox = full with { Box = null };
            if (fastPathFailure == ActionFailureKind.TargetAmbiguous || full.Box is null || withoutBox.IsSemanticOnly)
            {
                return await ActAsync(waitFor, full, null, false, remaining, cancellationToken).ConfigureAwait(false);
            }
            var probe = await ActAsync(waitFor, withoutBox, null, false, remaining, cancellationToken).ConfigureAwait(false);
            if (probe.Succeeded) return probe;
            var byBox = await ActAsync(waitFor, ReplayTargets.Only(full, "box"), null, false, Options.FastPathMinimum, cancellationToken).ConfigureAwait(false);
            return byBox.Succeeded ? byBox : probe;
        }

        private static string? DropDrifted(ElementTarget? drop, ActionResult result)
        {
            if (drop is null || !result.Succeeded || result.DropResolvedBy is not { } foundBy || ReplayTargets.FirstLayer(drop) is not { } first || foundBy == first) return null;
            return $"{ReplayTargets.Locator(drop, first)} no longer matches; found by {(ReplayTargets.Has(drop, foundBy) ? ReplayTargets.Locator(drop, foundBy) : foundBy)}";
        }

        private TimeSpan FastPathTimeout(StepRecord step, TimeSpan stepTimeout)
        {
            var fast = TimeSpan.FromMilliseconds(Math.Max(Options.FastPathMinimum.TotalMilliseconds, 2.0 * step.ActionMs));
            return fast < stepTimeout ? fast : stepTimeout;
        }

        private async Task<ActionResult> ActAsync(PlanStep step, ElementTarget? target, string? value, bool isSecret, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var acting = _clock.Measure(StepPhase.Act);
            var action = new UiAction(step with { Target = target }, value, isSecret, timeout) { SecretHosts = isSecret ? Options.SecretHosts : null };
            return await Driver.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string?> ApprovalRefusedAsync(StepRecord step, PlanStep planStep, CancellationToken cancellationToken)
        {
            var match = recording.Header.Policy.Approve.Concat(Options.Approve).FirstOrDefault(a =>
                step.Tags.Contains(a, StringComparer.OrdinalIgnoreCase) || string.Equals(a, step.Action, StringComparison.OrdinalIgnoreCase)
                || Policy.RiskClassifier.Classify(planStep).Contains(a, StringComparer.OrdinalIgnoreCase));
            if (match is null) return null;
            var reason = recording.Header.Policy.Approve.Contains(match, StringComparer.OrdinalIgnoreCase)
                ? $"the recorded policy asks for approval of '{match}' steps"
                : $"your policy asks for approval of '{match}' steps";
            if (Options.Approvals is null) return $"needs approval ({reason}) and no approver is configured: pass --approve to approve such steps in CI.";
            return await Options.Approvals.ApproveAsync(planStep, reason, cancellationToken).ConfigureAwait(false) ? null : $"was refused approval ({reason}).";
        }

        private async Task<string?> ShotAsync(string name, CancellationToken cancellationToken)
        {
            if (Options.OutputDirectory is null || Options.Screenshots == ReplayScreenshots.None) return null;
            using var saving = _clock.Measure(StepPhase.Record);
            try
            {
                var png = await Driver.ScreenshotAsync([.. _masked], cancellationToken).ConfigureAwait(false);
                var relative = "shots/" + name;
                Directory.CreateDirectory(Path.Combine(Options.OutputDirectory, "shots"));
                await File.WriteAllBytesAsync(Path.Combine(Options.OutputDirectory, relative), png, cancellationToken).ConfigureAwait(false);
                return relative;
            }
#pragma warning disable CA1031 // a screenshot that cannot be taken must not hide the step's own failure
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                engine._log.LogWarning(MaskedException.Mask(ex, Vault), "Replay could not save the screenshot {Name}", name);
                return null;
            }
        }

        private long Elapsed(long start) => (long)Options.Time.GetElapsedTime(start).TotalMilliseconds;

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
    }
}
