using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ActionAgent.Core.Engine;

public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private async Task ActAsync(CancellationToken token)
        {
            // The last step's picture shows the page before this step acts: it is there before anything else happens.
            await CompleteAfterShotAsync().ConfigureAwait(false);
            var step = _s.Queue.Peek();
            if (!_s.ApprovedCurrent && NeedsApproval(step, out _))
            {
                await _machine.FireAsync(RunTrigger.NeedsApproval).ConfigureAwait(false);
                return;
            }
            _s.Queue.Dequeue();
            var requestedTarget = step.Target;
            if (step.Target is { } template) step = step with { Target = TargetTemplate.Resolve(template, Scenario.Inputs, _s.Variables) };
            _s.ApprovedCurrent = false;
            _s.StepCount++;
            var index = _s.StepCount;
            var startedAt = _engine.Time.GetUtcNow();
            var startTimestamp = _engine.Time.GetTimestamp();
            _engine._services.Progress.StepStarted(index, step.Value is null ? step : step with { Value = Vault.Mask(step.Value) });
            Log.LogInformation("Step {Index} {Action} on {Target}", index, step.Action.ToName(), Vault.Mask(step.Target?.ToString() ?? step.Value ?? ""));

            var before = _s.LastObservation ?? await ObserveAsync(screenshot: EveryPicture, token).ConfigureAwait(false);
            // Without a picture of every step, one is taken before a step whose check may compare the screen with it.
            if (before.Screenshot is null && !EveryPicture && _engine._services.Verifier is { } verifier && verifier.NeedsScreenshotBefore(step, before))
            {
                using var observing = Measure(StepPhase.Observe);
                before = before with { Screenshot = await PictureNowAsync(token).ConfigureAwait(false) };
            }
            var shotBefore = _s.LastShot ?? (before.Screenshot is null ? null
                : await SaveArtifactAsync($"{index:000}-before.png", before.Screenshot).ConfigureAwait(false));

            var value = step.Value is null ? null
                : ValueTemplate.Resolve(step.Value, Scenario.Inputs, Vault, _s.Variables, out var unresolved) is var resolved && unresolved.Count == 0
                    ? resolved
                    : null;
            ActionResult result;
            string? grounding = null;
            _attempts = 1;
            if (step.Value is not null && value is null)
            {
                var missing = ValueTemplate.Placeholders(step.Value).Select(p => $"{p.Scope}.{p.Name}");
                result = ActionResult.Failure(ActionFailureKind.InvalidStep, $"The value refers to {string.Join(", ", missing)}, which the run does not have.");
            }
            else if (RefuseSecretUrl(step) is { } refused)
            {
                result = refused;
            }
            else
            {
                (step, grounding, var groundingError) = await GroundAsync(step, before, token).ConfigureAwait(false);
                result = groundingError is not null
                    ? ActionResult.Failure(ActionFailureKind.TargetNotFound, groundingError)
                    : await ExecuteWithPipelineAsync(step, value, token).ConfigureAwait(false);
                if (!result.Succeeded && result.FailureKind is ActionFailureKind.TargetNotFound or ActionFailureKind.TargetAmbiguous)
                {
                    (result, var visual, var looked) = await TryVisualFallbackAsync(step, value, before, result, token).ConfigureAwait(false);
                    grounding = visual ?? grounding;
                    // The picture the locator looked at is the step's before-picture (its effect is looked for on both).
                    if (before.Screenshot is null && looked is not null) before = before with { Screenshot = looked };
                }
            }
            var actionMs = (long)_engine.Time.GetElapsedTime(startTimestamp).TotalMilliseconds;
            foreach (var dialog in result.Dialogs) Log.LogInformation("Step {Index}: the page raised a dialog: {Dialog}", index, Vault.Mask(dialog));

            // A page-level press has no element to mask.
            if (result.Succeeded && ValueTemplate.ReferencesSecret(step.Value) && (result.ResolvedTarget ?? step.Target) is { } typedInto)
            {
                _s.Masked.Add(typedInto);
            }
            if (result.Succeeded && step.Action == ActionKind.Extract && step.Value is not null)
            {
                _s.Variables[step.Value] = result.ExtractedText ?? "";
            }

            var pending = new PendingCheck(index, step, requestedTarget, result, before, shotBefore, grounding, _attempts, startedAt, startTimestamp, actionMs,
                StartCrop(result, before));
            if (result.Succeeded)
            {
                _s.Pending = pending;
                await _machine.FireAsync(RunTrigger.ActionDone).ConfigureAwait(false);
                return;
            }

            var error = Vault.Mask(result.Error ?? "the action failed");
            var record = await RecordAsync(pending, await ObserveAsync(screenshot: true, token).ConfigureAwait(false), [], null, error).ConfigureAwait(false);
            _s.Failure = new StepFailure(step, $"Step {index} ({Vault.Mask(step.ToString())}) failed: {error} Screenshot: {record.ShotAfter}.", result.FailureKind);
            Log.LogWarning("Step {Index} failed: {Error}", index, error);
            await _machine.FireAsync(RunTrigger.ActionFailed).ConfigureAwait(false);
        }

        private async Task<ActionResult> ExecuteWithPipelineAsync(PlanStep step, string? value, CancellationToken token)
        {
            using var acting = Measure(StepPhase.Act);
            var action = new UiAction(step, value, ValueTemplate.ReferencesSecret(step.Value), step.Timeout ?? Policy.StepTimeout)
            {
                SecretHosts = SecretHostsFor(step),
            };
            try
            {
                return await _pipeline.ExecuteAsync(async ct => await Driver.ExecuteAsync(action, ct).ConfigureAwait(false), token).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException)
            {
                return ActionResult.Failure(ActionFailureKind.Timeout, $"The driver did not answer within {Policy.StepTimeout + TimeSpan.FromSeconds(20)}.");
            }
        }

        /// <summary>Grounds a semantic-only target: the grounder first (accessibility tree), then the visual locator.</summary>
        private async Task<(PlanStep Step, string? Grounding, string? Error)> GroundAsync(PlanStep step, UiObservation observation, CancellationToken token)
        {
            if (step.Target is not { IsSemanticOnly: true } target) return (step, null, null);
            using var grounding = Measure(StepPhase.Ground);
            var grounder = _engine._services.Grounder;
            if (grounder is not null)
            {
                var grounded = await grounder.GroundAsync(step, observation, token).ConfigureAwait(false);
                if (grounded.Target is not null)
                {
                    var concrete = grounded.Target with { Description = target.Description };
                    return (step with { Target = concrete }, $"accessibility: {grounded.Reason} (score {grounded.Score:0.00})", null);
                }
                if (_engine._services.Locator is null)
                {
                    return (step, null, $"Nothing on the page matches \"{target.Description}\": {grounded.Reason}");
                }
            }
            if (_engine._services.Locator is null)
            {
                return (step, null, $"The target \"{target.Description}\" is a description, and no grounder or visual locator is configured to find it.");
            }
            // The visual fallback after a not-found failure does the locating.
            return (step, null, $"The accessibility tree has no element for \"{target.Description}\".");
        }

        /// <summary>When the accessibility tree fails, find the element on the screenshot and act by coordinates.</summary>
        private async Task<(ActionResult Result, string? Grounding, byte[]? Screenshot)> TryVisualFallbackAsync(PlanStep step, string? value,
            UiObservation before, ActionResult failure, CancellationToken token)
        {
            using var locating = Measure(StepPhase.Visual);
            var locator = _engine._services.Locator;
            var prompt = step.Target?.Description ?? step.Target?.Name ?? step.Target?.Text ?? step.Target?.Label ?? step.Target?.Placeholder;
            if (locator is null || prompt is null) return (failure, null, null);
            var screenshot = before.Screenshot ?? await PictureNowAsync(token).ConfigureAwait(false);
            var candidates = await locator.LocateAsync(new LocateRequest { Screenshot = screenshot, Text = prompt, MaxResults = 3 }, token).ConfigureAwait(false);
            var best = candidates.FirstOrDefault();
            if (best is null || best.Score < _engine._services.MinimumLocatorScore)
            {
                var seen = best is null ? "no candidate" : $"best candidate \"{best.Text}\" scored {best.Score:0.00}";
                return (failure with { Error = $"{failure.Error} The visual locator ({locator.Name}) found nothing for \"{prompt}\" either ({seen})." }, null, screenshot);
            }
            var byBox = step with { Target = new ElementTarget { Box = best.Box, Description = prompt } };
            var result = await ExecuteWithPipelineAsync(byBox, value, token).ConfigureAwait(false);
            var grounding = $"visual: {locator.Name} found \"{best.Text}\" at {best.Box} (score {best.Score:0.00})";
            Log.LogInformation("Step target {Prompt} found visually at {Box}", prompt, best.Box.ToString());
            return (result.Succeeded ? result with { ResolvedBy = "visual", ResolvedTarget = result.ResolvedTarget ?? byBox.Target } : result, grounding, screenshot);
        }
    }
}
