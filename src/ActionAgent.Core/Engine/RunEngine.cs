using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;
using Polly;
using Stateless;

namespace ActionAgent.Core.Engine;

/// <summary>
/// Carries out a run: asks the planner for steps, acts through the driver, checks the screen, recovers or replans
/// on failure, and records everything. The state machine (<see cref="RunStateMachine"/>) decides which moves are
/// legal; this class does the work of each state.
/// </summary>
public sealed partial class RunEngine
{
    private readonly IUiDriver _driver;
    private readonly IPlanner _planner;
    private readonly IRecordingSink _sink;
    private readonly RunEngineServices _services;
    private readonly ILogger _log;

    /// <summary>Creates an engine over a driver, a planner and a recording sink.</summary>
    public RunEngine(IUiDriver driver, IPlanner planner, IRecordingSink sink, RunEngineServices? services = null)
    {
        // Wrapped so the time limit is a hard stop even when the browser cannot answer (AbandoningUiDriver).
        _driver = AbandoningUiDriver.Wrap(driver ?? throw new ArgumentNullException(nameof(driver)));
        _planner = planner ?? throw new ArgumentNullException(nameof(planner));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _services = services ?? new RunEngineServices();
        _log = _services.LoggerFactory.CreateLogger<RunEngine>();
    }

    private TimeProvider Time => _services.Time;

    /// <summary>Runs a request to its end. Expected failures come back in the result; the recording is always completed.</summary>
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new ActiveRun(this, request);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One run in progress: the session state plus the per-run collaborators.</summary>
    private sealed partial class ActiveRun
    {
        private readonly RunEngine _engine;
        private readonly RunRequest _request;
        private readonly RunSession _s = new();
        private readonly StateMachine<RunState, RunTrigger> _machine;
        private readonly ResiliencePipeline<ActionResult> _pipeline;
        private int _attempts;

        public ActiveRun(RunEngine engine, RunRequest request)
        {
            _engine = engine;
            _request = request;
            _machine = RunStateMachine.Create(() => _s.Replans < Policy.MaxReplans, () => _s.StepCount < Policy.MaxSteps);
            _machine.OnTransitioned(t =>
            {
                _engine._log.LogDebug("State {From} -> {To} on {Trigger}", t.Source, t.Destination, t.Trigger);
                _engine._services.Progress.StateChanged(t.Source, t.Destination, t.Trigger.ToString());
            });
            _pipeline = ActionPipeline.Create(Policy, engine.Time, () => _attempts++, engine._log, text => Vault.Mask(text));
        }

        private Scenario Scenario => _request.Scenario;
        private RunPolicy Policy => Scenario.Policy;
        private SecretVault Vault => _request.Secrets;
        private IUiDriver Driver => _engine._driver;
        private ILogger Log => _engine._log;

        public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            var started = _engine.Time.GetTimestamp();
            await _engine._sink.BeginAsync(CreateHeader(), CancellationToken.None).ConfigureAwait(false);
            Log.LogInformation("Run {Name} started with planner {Planner} on {Driver}", Scenario.Name, _engine._planner.Name, Driver.Name);

            using var timeout = new CancellationTokenSource(Policy.Timeout, _engine.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var token = linked.Token;

            if (_request.StartUrl is not null)
            {
                _s.Queue.Enqueue(new PlanStep
                {
                    Action = ActionKind.Goto, Value = _request.StartUrl, Description = "open the app", Origin = "app.start",
                });
                // The goal's reading needs no page: it runs while the app opens, and the first plan waits for it.
                _goalWork = Task.Run(() => ReadGoalAsync(token), token);
            }

            await _machine.FireAsync(RunTrigger.Start).ConfigureAwait(false);
            try
            {
                await LoopAsync(cancellationToken, timeout, token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Something no state handles (a bug, a sink that failed): the last step's record still reaches the
                // recording if it can, and the failure goes on as it was.
                try
                {
                    await SettleAfterShotAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    Log.LogWarning("The last step's record could not be written: {Reason}", Vault.Mask(e.Message));
                }
                throw;
            }

            await SettleAfterShotAsync().ConfigureAwait(false);
            await SettleGoalWorkAsync().ConfigureAwait(false);
            var elapsed = _engine.Time.GetElapsedTime(started);
            var result = new RunResult
            {
                FinalState = _machine.State,
                Reason = _s.Reason is null ? null : Vault.Mask(_s.Reason),
                Steps = [.. _s.Records],
                Expectations = _s.Expectations,
                SubGoals = SubGoalReport(),
                Variables = _s.Variables.ToDictionary(p => p.Key, p => Vault.Mask(p.Value), StringComparer.Ordinal),
                Usage = _s.Usage,
                Replans = _s.Replans,
                Duration = elapsed,
                Timings = Clock.RunTotals(),
            };
            await _engine._sink.CompleteAsync(new RunSummary
            {
                Status = OutcomeOf(result.FinalState),
                Reason = result.Reason,
                FinalState = result.FinalState.ToString(),
                StepCount = _s.StepCount,
                Replans = _s.Replans,
                Usage = _s.Usage,
                Expectations = _s.Expectations,
                SubGoals = result.SubGoals,
                Variables = result.Variables,
                FinishedAt = _engine.Time.GetUtcNow(),
                DurationMs = (long)elapsed.TotalMilliseconds,
                Timings = result.Timings,
            }, CancellationToken.None).ConfigureAwait(false);
            if (result.Succeeded) Log.LogInformation("Run {Name} succeeded in {Steps} steps", Scenario.Name, _s.StepCount);
            else Log.LogWarning("Run {Name} ended {State}: {Reason}", Scenario.Name, result.FinalState, result.Reason);
            return result;
        }

        /// <summary>The state machine's loop, until a final state: cancellation, the time limit and a failed driver end it there.</summary>
        private async Task LoopAsync(CancellationToken cancellationToken, CancellationTokenSource timeout, CancellationToken token)
        {
            while (!IsFinal(_machine.State))
            {
                try
                {
                    token.ThrowIfCancellationRequested();
                    await StepStateAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    _s.Reason ??= "The run was cancelled.";
                    await FlushPendingAsync(failedReason: "cancelled").ConfigureAwait(false);
                    await _machine.FireAsync(RunTrigger.Cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    _s.Reason = $"The run went over its time limit of {Policy.Timeout}.";
                    await FlushPendingAsync(failedReason: "timed out").ConfigureAwait(false);
                    await _machine.FireAsync(RunTrigger.BudgetExceeded).ConfigureAwait(false);
                }
                catch (DriverFailedException e)
                {
                    // The app or browser stopped answering: the run fails, saying at which step and what the driver said.
                    var at = _s.Pending is { } acted ? $"after step {acted.Index} acted" : _s.StepCount == 0 ? "before the first step" : $"at step {_s.StepCount}";
                    _s.Reason = Vault.Mask($"{e.Message} ({at}, in state {_machine.State}).");
                    Log.LogError("The driver failed {At}: {Reason}", at, _s.Reason);
                    Log.LogDebug(MaskedException.Mask(e.InnerException, Vault), "What the driver threw"); // the stack goes to the log file, not the console
                    await FlushPendingAsync(failedReason: Vault.Mask(e.Message)).ConfigureAwait(false);
                    await _machine.FireAsync(RunTrigger.DriverFailed).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// At the end of a run (a cancelled or failed one too), the last step's record goes to the recording, with its
        /// picture when the picture could still be taken (with <see cref="RunScreenshots.Failures"/>, the screen the run
        /// ended on).
        /// </summary>
        private async Task SettleAfterShotAsync()
        {
            // The run may have ended because the browser stopped answering: the end's picture gets a step's time, no more.
            using var bounded = new CancellationTokenSource(Policy.StepTimeout, _engine.Time);
            try
            {
                await CompleteAfterShotAsync(async () => await PictureNowAsync(bounded.Token).ConfigureAwait(false)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or DriverFailedException)
            {
                Log.LogWarning("The last step's picture could not be taken: {Reason}", Vault.Mask(e.Message));
            }
        }

        private static bool IsFinal(RunState state) => state is RunState.Succeeded or RunState.Failed or RunState.Cancelled;

        /// <summary>A final state as the recording's summary says it (the loop above ends only in one).</summary>
        private static RunOutcome OutcomeOf(RunState state) => state switch
        {
            RunState.Succeeded => RunOutcome.Succeeded,
            RunState.Cancelled => RunOutcome.Cancelled,
            RunState.Failed => RunOutcome.Failed,
            _ => throw new InvalidOperationException($"The run ended in {state}, which is not a final state."),
        };

        private Task StepStateAsync(CancellationToken token) => _machine.State switch
        {
            RunState.Planning => PlanAsync(replanning: false, token),
            RunState.Replanning => PlanAsync(replanning: true, token),
            RunState.Acting => ActAsync(token),
            RunState.AwaitingApproval => ApproveAsync(token),
            RunState.Verifying => VerifyAsync(token),
            RunState.Recovering => RecoverAsync(),
            _ => throw new InvalidOperationException($"The engine has no work for state {_machine.State}."),
        };

        private RecordingHeader CreateHeader() => new()
        {
            Name = Scenario.Name,
            Goal = Scenario.Goal,
            Scenario = Scenario.SourcePath,
            AppStart = Scenario.App.Browser?.Start ?? Scenario.App.Desktop?.Command,
            StartUrl = _request.StartUrl,
            Driver = Driver.Name,
            Planner = _engine._planner.Name,
            Policy = new RecordedPolicy
            {
                AllowDomains = Policy.AllowDomains,
                Approve = Policy.Approve,
                StepTimeoutMs = (long)Policy.StepTimeout.TotalMilliseconds,
            },
            Inputs = Scenario.Inputs,
            SecretNames = [.. Scenario.Secrets.Keys],
            SecretSources = Scenario.Secrets.ToDictionary(p => p.Key, p => p.Value.EnvironmentVariable, StringComparer.Ordinal),
            Expect = [.. Scenario.Expect.Select(e => e.Text is not null ? new RecordedExpectation("text", e.Text)
                : e.Url is not null ? new RecordedExpectation("url", e.Url) : new RecordedExpectation("screen", e.Screen ?? ""))],
            StartedAt = _engine.Time.GetUtcNow(),
        };

        private async Task<UiObservation> ObserveAsync(bool screenshot, CancellationToken token, bool pictureLater = false)
        {
            using var observing = Measure(StepPhase.Observe);
            return await Driver.ObserveAsync(new ObserveOptions(screenshot, [.. _s.Masked]) { ScreenshotLater = pictureLater }, token).ConfigureAwait(false);
        }

        /// <summary>
        /// The goal the interpreter and the planner read: inputs put in (secrets stay placeholders), and masked in case
        /// an input's value quotes a secret.
        /// </summary>
        private string PlanningGoal => Vault.Mask(Scenario.PlanningGoal);

        private PlanningContext CreatePlanningContext(UiObservation observation, bool replanning) => new()
        {
            Goal = PlanningGoal,
            Inputs = Scenario.Inputs,
            // Only the secrets bound to this page's host: a planner cannot fill a secret on a page it does not belong to.
            SecretNames = SecretNamesAllowedAt(observation.Location),
            Observation = MaskForPlanner(observation),
            History = MaskedHistory(),
            Failure = replanning && _s.Failure is { } failure ? failure with { Reason = Vault.Mask(failure.Reason) } : null,
            ReplanCount = _s.Replans,
            Variables = MaskedVariables(),
            SubGoals = SubGoalsForPlanner,
            AchievedSubGoals = AchievedForPlanner,
        };

        /// <summary>
        /// A planner may send the screen to a remote model: secret values the page shows (a filled card number field)
        /// are masked first, as in every other text that leaves the run.
        /// </summary>
        private UiObservation MaskForPlanner(UiObservation observation)
        {
            var snapshot = Vault.Mask(observation.SnapshotText);
            var title = Vault.Mask(observation.Title);
            var location = Vault.Mask(observation.Location);
            if (snapshot == observation.SnapshotText && title == observation.Title && location == observation.Location) return observation;
            return observation with
            {
                SnapshotText = snapshot,
                Title = title,
                Location = location,
                Nodes = AriaSnapshotParser.Parse(snapshot),
            };
        }

        private bool OverModelBudget(out string reason)
        {
            reason = "";
            if (Policy.MaxTokens > 0 && _s.Usage.TotalTokens > Policy.MaxTokens)
            {
                reason = $"The run used {_s.Usage.TotalTokens} model tokens, over its budget of {Policy.MaxTokens}.";
                return true;
            }
            if (Policy.MaxCost > 0 && _s.Usage.Cost > Policy.MaxCost)
            {
                reason = $"The run cost ${_s.Usage.Cost:0.####}, over its budget of ${Policy.MaxCost:0.####}.";
                return true;
            }
            return false;
        }

        private string StepBudgetReason() => $"The run used its budget of {Policy.MaxSteps} steps.";
    }
}
