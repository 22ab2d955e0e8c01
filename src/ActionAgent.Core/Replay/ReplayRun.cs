using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Replay;

public sealed partial class ReplayEngine
{
    /// <summary>The state of one replay.</summary>
    private sealed partial class ReplayRun(ReplayEngine engine, RecordingDocument recording)
    {
        private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
        private readonly List<ElementTarget> _masked = [];
        private readonly Dictionary<string, string> _inputs = MergeInputs(recording.Header.Inputs, engine._options.Parameters);
        private readonly PhaseClock _clock = new(engine._options.Time);

        private ReplayOptions Options => engine._options;
        private IUiDriver Driver => engine._driver;
        private SecretVault Vault => Options.Secrets;
        private TimeSpan StepTimeout => Options.StepTimeout
            ?? (recording.Header.Policy.StepTimeoutMs > 0 ? TimeSpan.FromMilliseconds(recording.Header.Policy.StepTimeoutMs) : TimeSpan.FromSeconds(10));

        public async Task<ReplayResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            var startedAt = Options.Time.GetUtcNow();
            var start = Options.Time.GetTimestamp();
            var results = new List<ReplayStepResult>();
            string? reason = null;
            // --timeout bounds the whole replay; the driver's calls are abandoned when it runs out (AbandoningUiDriver).
            using var deadline = Options.Timeout is { } limit ? new CancellationTokenSource(limit, Options.Time) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            bool TimedOut() => deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            // Cancelled (Ctrl+C): the step under way fails saying so, the rest are skipped, and the result is returned
            // like any failed replay's, so its report, JUnit file and log are still written.
            bool Cancelled() => cancellationToken.IsCancellationRequested;
            string? blank;
            try
            {
                blank = await BlankPageAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (Cancelled())
            {
                blank = null; // the first step below says the replay was cancelled
            }
            foreach (var step in recording.Steps)
            {
                if (reason is null && Cancelled()) reason = $"The replay was cancelled before step {step.Index}.";
                if (reason is null && TimedOut()) reason = $"The replay went over its time limit of {Options.Timeout} before step {step.Index}.";
                if (reason is not null)
                {
                    results.Add(Skipped(step, Cancelled() ? "the replay was cancelled" : "an earlier step failed"));
                    continue;
                }
                if (blank is not null)
                {
                    results.Add(Skipped(step, "") with { Outcome = ReplayStepOutcome.Failed, Error = blank });
                    reason = blank;
                    continue;
                }
                if (step.Outcome != StepOutcome.Succeeded)
                {
                    // A failed step changed nothing the recording could check; the run went on by replanning.
                    results.Add(Skipped(step, "the step failed when recorded"));
                    continue;
                }
                Options.Progress?.StepStarted(step);
                ReplayStepResult result;
                try
                {
                    result = await ReplayStepAsync(step, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (TimedOut())
                {
                    result = Skipped(step, "") with { Outcome = ReplayStepOutcome.Failed, Error = $"The replay went over its time limit of {Options.Timeout} during this step." };
                }
                catch (Exception e) when (Cancelled() && e is OperationCanceledException or Engine.DriverFailedException)
                {
                    // Ctrl+C in a terminal reaches the browser too: what it then says is not the step's failure.
                    result = Skipped(step, "") with { Outcome = ReplayStepOutcome.Failed, Error = $"The replay was cancelled during step {step.Index}." };
                }
                catch (Engine.DriverFailedException e)
                {
                    // The app or browser stopped answering: this step fails with what the driver said; the rest are skipped.
                    engine._log.LogError("Replay step {Index}: {Reason}", step.Index, Vault.Mask(e.Message));
                    engine._log.LogDebug(MaskedException.Mask(e.InnerException, Vault), "What the driver threw");
                    result = Skipped(step, "") with { Outcome = ReplayStepOutcome.Failed, Error = Vault.Mask($"step {step.Index} {step.Action}: {e.Message}") };
                }
                results.Add(result);
                Options.Progress?.StepFinished(result);
                if (!result.Passed) reason = result.Error;
            }

            IReadOnlyList<CheckResult> expectations = [];
            try
            {
                if (reason is null) expectations = await CheckExpectationsAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (TimedOut())
            {
                reason = $"The replay went over its time limit of {Options.Timeout} while checking its expectations.";
            }
            catch (OperationCanceledException) when (Cancelled())
            {
                reason = "The replay was cancelled while checking its expectations.";
            }
            catch (Engine.DriverFailedException e)
            {
                reason = Vault.Mask($"While checking the expectations: {e.Message}");
            }
            var failedExpectation = expectations.FirstOrDefault(e => !e.Passed);
            if (reason is null && failedExpectation is not null)
            {
                reason = $"The expectation {failedExpectation.Check} did not hold: {failedExpectation.Detail}.";
            }
            return new ReplayResult
            {
                Secrets = Vault,
                Name = recording.Header.Name,
                Status = reason is null ? ReplayVerdict.Passed : ReplayVerdict.Failed,
                Reason = reason,
                Steps = results,
                Expectations = expectations,
                StartUrl = recording.Header.StartUrl is { } url ? Options.Urls.Rewrite(url) : null,
                StartedAt = startedAt,
                DurationMs = (long)Options.Time.GetElapsedTime(start).TotalMilliseconds,
                Timings = _clock.RunTotals(),
            };
        }

        /// <summary>
        /// A recording made on a page the agent was handed (<c>agent run --connect</c>) names no start page. Replayed in a
        /// fresh browser, the page is blank: its steps would act at their recorded coordinates on nothing, and a step
        /// with nothing to check would pass. The replay fails at once instead, saying why; null when the page is not
        /// blank or the first step was not recorded on a web page.
        /// </summary>
        private async Task<string?> BlankPageAsync(CancellationToken cancellationToken)
        {
            var first = recording.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Succeeded);
            if (first is null || string.Equals(first.Action, "goto", StringComparison.Ordinal) || first.LocationBefore is not { } recorded ||
                !recorded.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return null;
            var now = await Driver.ObserveAsync(ObserveOptions.SnapshotOnly, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(now.Location) && !string.Equals(now.Location, "about:blank", StringComparison.OrdinalIgnoreCase)) return null;
            return Vault.Mask($"The replay's page is blank, but step {first.Index} was recorded on {Options.Urls.Rewrite(recorded)}: the recording names no page to start on " +
                "(it was made on a page the agent was handed, with --connect). Record it from a scenario or with --start URL, so that it opens its page itself.");
        }

        private async Task<IReadOnlyList<CheckResult>> CheckExpectationsAsync(CancellationToken cancellationToken)
        {
            using var checking = _clock.Measure(StepPhase.Check);
            var results = new List<CheckResult>();
            foreach (var expectation in recording.Header.Expect)
            {
                var check = expectation.Kind switch
                {
                    "text" => new DerivedCheck("text", expectation.Value),
                    "url" => new DerivedCheck("url", expectation.Value),
                    _ => null,
                };
                if (check is null)
                {
                    results.Add(new CheckResult($"{expectation.Kind} \"{expectation.Value}\"", true, "not checked: replay makes no model calls"));
                    continue;
                }
                var result = await engine._checks.VerifyOneAsync(check, null, null, StepTimeout, cancellationToken).ConfigureAwait(false);
                results.Add(result with { Check = $"{expectation.Kind} \"{expectation.Value}\"" });
            }
            return results;
        }

        private static Dictionary<string, string> MergeInputs(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> overrides)
        {
            var inputs = new Dictionary<string, string>(recorded, StringComparer.Ordinal);
            foreach (var (key, value) in overrides) inputs[key] = value;
            return inputs;
        }

        private ReplayStepResult Skipped(StepRecord step, string why) => new()
        {
            Index = step.Index,
            Action = step.Action,
            Summary = Summary(step),
            Outcome = ReplayStepOutcome.Skipped,
            Error = $"not replayed: {why}",
            RecordedMs = step.DurationMs,
        };

        internal static string Summary(StepRecord step)
        {
            var target = ReplayTargets.Primary(step) is { } primary && ReplayTargets.FirstLayer(primary) is { } layer
                ? ReplayTargets.Locator(primary, layer)
                : null;
            var value = step.Value is null ? null : $"\"{step.Value}\"";
            return string.Join(" ", new[] { step.Action, target, value is null ? null : target is null ? value : "= " + value }.Where(s => s is not null));
        }
    }
}
