using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Engine;

// A step the visual locator acted on (a canvas, an image-only control) leaves no trace in the accessibility tree, so
// its sub-goal's effect is looked for on the screenshots instead: text the step should have put on screen read (OCR)
// in the region it acted on where it was not before, or, for "any visible change", new text on screen that is not an
// error. Nothing is credited on a change of pixels alone.
public sealed partial class RunEngine
{
    private sealed partial class ActiveRun
    {
        private async Task<(int? SubGoal, RecordedEffect? Effect)> VisualEffectAsync(PendingCheck pending, UiObservation after, RecordedVerdict? verdict,
            (int? SubGoal, RecordedEffect? Effect) fromTree, CancellationToken token)
        {
            if (fromTree.Effect is { Observed: true } || _goals is null || pending.Result.ResolvedBy != "visual") return fromTree;
            if (_engine._services.Locator is not { } locator || after.Screenshot is null || pending.Before.Screenshot is null) return fromTree;
            if (verdict is { Outcome: VerdictOutcome.Failed }) return fromTree;
            using var reading = Measure(StepPhase.Visual);
            // The step may show the effect of the sub-goal it served or of a later one (a value only readable once the
            // page echoes it); each sub-goal is credited only on its own evidence.
            (int? SubGoal, RecordedEffect? Effect) credited = fromTree;
            foreach (var goal in _goals.PendingAfter(pending.Step).Take(3))
            {
                var evidence = goal.Effect.Kind switch
                {
                    EffectKind.ValueSet or EffectKind.ItemAppeared or EffectKind.TextVisible when goal.Effect.Value is { Length: > 0 } value && !value.Contains("${", StringComparison.Ordinal) =>
                        await TextAppearedAsync(locator, pending, after, value, token).ConfigureAwait(false),
                    EffectKind.ScreenChanged => await NewTextWithoutErrorAsync(locator, pending.Before.Screenshot, after.Screenshot, token).ConfigureAwait(false),
                    _ => null,
                };
                if (evidence is null) continue;
                _goals.Note(goal, evidence, pending.Index); // what the screenshot showed is kept for the failure message either way
                if (!evidence.Observed) continue;
                Log.LogInformation("Step {Index} served sub-goal {SubGoal} on the screenshot: {Expected} observed ({Evidence})", pending.Index, goal.Index,
                    goal.Effect.ToString(), Vault.Mask(evidence.Detail));
                if (credited.Effect is not { Observed: true })
                {
                    credited = (goal.Index, new RecordedEffect(goal.Index, Vault.Mask(goal.Effect.ToString()), true, Vault.Mask(evidence.Detail)));
                }
            }
            return credited;
        }

        /// <summary>The value read in the region the step acted on, where it was not before.</summary>
        private static async Task<EffectEvidence?> TextAppearedAsync(IElementLocator locator, PendingCheck pending, UiObservation after, string value, CancellationToken token)
        {
            if (pending.Result.ResolvedTarget?.Box is not { } box) return null;
            var region = new BoundingBox(Math.Max(0, box.X - 8), Math.Max(0, box.Y - 8), box.Width + 16, box.Height + 16);
            var now = await locator.LocateAsync(new LocateRequest { Screenshot = after.Screenshot!, Box = region, MaxResults = 50 }, token).ConfigureAwait(false);
            if (!now.Any(e => Shows(e.Text, value))) return new(false, $"\"{value}\" cannot be read where the step acted");
            var was = await locator.LocateAsync(new LocateRequest { Screenshot = pending.Before.Screenshot!, Box = region, MaxResults = 50 }, token).ConfigureAwait(false);
            return was.Any(e => Shows(e.Text, value))
                ? new(false, $"\"{value}\" was already shown there before the step")
                : new(true, $"the screen shows \"{value}\" where the step acted (read by OCR), and did not before");
        }

        /// <summary>New text on the screen after the step, none of it an error or a request to do something first.</summary>
        private static async Task<EffectEvidence?> NewTextWithoutErrorAsync(IElementLocator locator, byte[] before, byte[] after, CancellationToken token)
        {
            var was = (await locator.LocateAsync(new LocateRequest { Screenshot = before, MaxResults = 50 }, token).ConfigureAwait(false))
                .Select(e => Normalise(e.Text)).ToHashSet(StringComparer.Ordinal);
            var now = (await locator.LocateAsync(new LocateRequest { Screenshot = after, MaxResults = 50 }, token).ConfigureAwait(false))
                .Select(e => Normalise(e.Text)).Where(t => t.Length > 0 && !was.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            if (now.Count == 0) return new(false, "no new text on the screen");
            var error = now.FirstOrDefault(LooksLikeAnError);
            return error is not null
                ? new(false, $"the screen now shows an error: \"{error}\"")
                : new(true, $"the screen now shows \"{string.Join("\", \"", now.Take(3))}\" (read by OCR)");
        }

        /// <summary>The value as a whole word or phrase of a region's text ("42" in "Qty 42", not in "420").</summary>
        private static bool Shows(string? text, string value) =>
            $" {Normalise(text)} ".Contains($" {Normalise(value)} ", StringComparison.Ordinal);

        private static string Normalise(string? text) =>
            string.Join(' ', (text ?? "").ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        // Words of errors and of requests to do something first. OCR misreads letters ("tirst" for "first"), so a word
        // one letter away from one of these counts too: when unsure, the step is not credited (a failure, never a false success).
        private static readonly string[] ErrorWords =
        [
            "error", "errors", "invalid", "required", "failed", "fails", "failure", "wrong", "denied", "declined", "missing", "must",
            "first", "unable", "cannot", "can't", "please", "again", "sorry", "problem", "warning", "incorrect", "expired", "exceeded",
            "not", "enter", "select", "choose",
        ];

        private static bool LooksLikeAnError(string text) =>
            text.Split([' ', ',', '.', ':', '!', '?', ';'], StringSplitOptions.RemoveEmptyEntries)
                .Any(word => ErrorWords.Any(e => word == e || (e.Length >= 5 && word.Length >= 4 && WithinOneEdit(word, e))));

        private static bool WithinOneEdit(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1) return false;
            int i = 0, j = 0, edits = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { i++; j++; continue; }
                if (++edits > 1) return false;
                if (a.Length > b.Length) i++;
                else if (b.Length > a.Length) j++;
                else { i++; j++; }
            }
            return edits + (a.Length - i) + (b.Length - j) <= 1;
        }
    }
}
