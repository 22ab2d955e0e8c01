using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static ActionAgent.Core.Tests.Engine.EngineHarness;

namespace ActionAgent.Core.Tests.Engine;

public sealed class RunEngineTests
{
    [Fact]
    public async Task Explicit_steps_run_in_order_and_the_run_succeeds()
    {
        var harness = new EngineHarness();
        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("One"), Click("Two")]), startUrl: "http://app.test/start");

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal(["goto", "click", "click"], harness.Sink.Steps.Select(s => s.Action));
        Assert.Equal(["One", "Two"], harness.Driver.Actions.Skip(1).Select(a => a.Target!.Name));
        Assert.Equal(RunOutcome.Succeeded, harness.Sink.Summary!.Status);
    }

    [Fact]
    public async Task The_machine_passes_through_planning_acting_and_verifying_to_succeeded()
    {
        var harness = new EngineHarness();
        await harness.RunAsync(new ExplicitStepsPlanner([Click("One")]));

        Assert.Equal(
            [(RunState.Pending, RunState.Planning), (RunState.Planning, RunState.Acting), (RunState.Acting, RunState.Verifying),
             (RunState.Verifying, RunState.Planning), (RunState.Planning, RunState.Succeeded)],
            harness.Transitions);
    }

    [Fact]
    public async Task A_failed_action_goes_through_recovering_and_replanning_and_fails_when_the_planner_cannot_recover()
    {
        var harness = new EngineHarness();
        harness.Driver.When(a => a.Target?.Name == "Missing" ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "no button \"Missing\"; buttons seen: OK") : null);

        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("Missing")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains((RunState.Acting, RunState.Recovering), harness.Transitions);
        Assert.Contains((RunState.Recovering, RunState.Replanning), harness.Transitions);
        Assert.Contains((RunState.Replanning, RunState.Failed), harness.Transitions);
        Assert.Contains("Step 1 (click button \"Missing\") failed: no button \"Missing\"; buttons seen: OK", result.Reason);
        Assert.Contains("shots/001-after.png", result.Reason);
    }

    [Fact]
    public async Task A_replan_after_a_failed_step_lets_the_run_succeed_and_is_recorded_with_its_reason()
    {
        var harness = new EngineHarness();
        harness.Driver.When(a => a.Target?.Name == "Old" ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "no Old button") : null);
        var planner = new ScriptedPlanner(
            _ => PlanDecision.Continue([Click("Old")]),
            ctx => ctx.Failure is null ? PlanDecision.GiveUp("expected a failure") : PlanDecision.Continue([Click("New")], "use the New button"),
            _ => PlanDecision.Done());

        var result = await harness.RunAsync(planner);

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal(1, result.Replans);
        var replan = Assert.Single(harness.Sink.PlanEvents, e => e.Kind == "replan");
        Assert.Contains("no Old button", replan.Reason);
        Assert.Contains("use the New button", replan.Reason);
    }

    [Fact]
    public async Task A_failed_screen_check_sends_the_run_to_recovering()
    {
        var harness = new EngineHarness
        {
            Services = new RunEngineServices { Verifier = new FakeVerifier(c => c.Step.Target?.Name == "Bad" ? VerdictOutcome.Failed : VerdictOutcome.Passed) },
        };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("Good"), Click("Bad")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains((RunState.Verifying, RunState.Recovering), harness.Transitions);
        Assert.Equal(VerdictOutcome.Failed, harness.Sink.Steps[1].Verdict!.Outcome);
        Assert.Contains("screen check failed", result.Reason);
    }

    [Fact]
    public async Task Retries_left_out_when_replans_are_used_up_fails_from_recovering()
    {
        var harness = new EngineHarness { Policy = new() { Retries = 0, MaxReplans = 0 } };
        harness.Driver.When(a => ActionResult.Failure(ActionFailureKind.TargetNotFound, "nothing"));

        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("X")]));

        Assert.Contains((RunState.Recovering, RunState.Failed), harness.Transitions);
        Assert.Contains("No replans left", result.Reason);
    }

    [Fact]
    public async Task A_step_that_needs_approval_fails_the_run_when_no_approver_is_configured()
    {
        var harness = new EngineHarness { Policy = new() { Approve = ["purchase"], Retries = 0 } };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("Pay", "purchase")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains((RunState.Acting, RunState.AwaitingApproval), harness.Transitions);
        Assert.Contains((RunState.AwaitingApproval, RunState.Failed), harness.Transitions);
        Assert.Contains("needs approval", result.Reason);
        Assert.Empty(harness.Driver.Actions);
    }

    [Theory]
    [InlineData(true, RunState.Succeeded)]
    [InlineData(false, RunState.Failed)]
    public async Task An_approver_decides_whether_a_sensitive_step_runs(bool approve, RunState expected)
    {
        var gate = new FakeApprovalGate(approve);
        var harness = new EngineHarness
        {
            Policy = new() { Approve = ["purchase"], Retries = 0 },
            Services = new RunEngineServices { Approvals = gate },
        };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("Pay", "purchase")]));

        Assert.Equal(expected, result.FinalState);
        Assert.Equal(approve ? 1 : 0, harness.Driver.Actions.Count);
        Assert.Equal("Pay", gate.Asked.Single().Target!.Name);
    }

    [Fact]
    public async Task The_step_budget_stops_a_run_that_would_take_too_many_steps()
    {
        var harness = new EngineHarness { Policy = new() { MaxSteps = 2, Retries = 0 } };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("1"), Click("2"), Click("3")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Equal(2, harness.Driver.Actions.Count);
        Assert.Contains("budget of 2 steps", result.Reason);
    }

    [Fact]
    public async Task The_token_budget_stops_a_run_whose_planner_spends_too_much()
    {
        var harness = new EngineHarness { Policy = new() { MaxTokens = 100 } };
        var planner = new ScriptedPlanner(_ => PlanDecision.Continue([Click("A")], usage: new ModelUsage(90, 20, 0m, 1)));

        var result = await harness.RunAsync(planner);

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("110 model tokens", result.Reason);
        Assert.Equal(110, result.Usage.TotalTokens);
    }

    [Fact]
    public async Task The_time_budget_stops_a_run_whose_step_hangs_and_the_recording_is_completed()
    {
        var time = new FakeTimeProvider();
        var harness = new EngineHarness
        {
            // The step's own bound (StepTimeout + 20 s) lies beyond the advance below, so only the run's time limit is due:
            // with both due, which one ends the step was a race the clock jump decided.
            Policy = new() { Timeout = TimeSpan.FromMinutes(1), StepTimeout = TimeSpan.FromMinutes(5), Retries = 0 },
            Services = new RunEngineServices { Time = time },
        };
        var entered = new TaskCompletionSource();
        harness.Driver.BeforeAction = async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        var run = harness.RunAsync(new ExplicitStepsPlanner([Click("Slow")]));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromMinutes(2));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("time limit", result.Reason);
        Assert.Equal(RunOutcome.Failed, harness.Sink.Summary!.Status);
    }

    [Fact]
    public async Task Cancelling_ends_the_run_as_cancelled_and_still_completes_the_recording()
    {
        using var cts = new CancellationTokenSource();
        var harness = new EngineHarness();
        harness.Driver.BeforeAction = async (a, ct) =>
        {
            if (a.Target?.Name == "Second")
            {
                await cts.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            }
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("First"), Click("Second")]), cts.Token);

        Assert.Equal(RunState.Cancelled, result.FinalState);
        Assert.Equal(RunOutcome.Cancelled, harness.Sink.Summary!.Status);
        Assert.Equal(StepOutcome.Succeeded, harness.Sink.Steps[0].Outcome);
    }

    [Fact]
    public async Task An_expectation_that_does_not_hold_fails_a_run_whose_steps_all_succeeded()
    {
        var harness = new EngineHarness { Expect = [new ActionAgent.Core.Scenarios.Expectation { Url = "/confirmation" }] };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("A")]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains((RunState.Planning, RunState.Failed), harness.Transitions);
        Assert.Contains("url contains \"/confirmation\"", result.Reason);
    }

    [Theory]
    [InlineData(VerdictOutcome.Passed, RunState.Succeeded)]
    [InlineData(VerdictOutcome.Unsure, RunState.Failed)]
    [InlineData(VerdictOutcome.Failed, RunState.Failed)]
    public async Task A_screen_expectation_holds_only_when_the_check_saw_it(VerdictOutcome verdict, RunState final)
    {
        var verifier = new FakeVerifier(check => check.Step.Action == ActionKind.Assert ? verdict : VerdictOutcome.Passed);
        var harness = new EngineHarness
        {
            Expect = [new ActionAgent.Core.Scenarios.Expectation { Screen = "a confirmation page" }],
            Services = new RunEngineServices { Verifier = verifier },
        };

        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("A")]));

        Assert.Equal(final, result.FinalState);
        var expectation = Assert.Single(result.Expectations);
        Assert.Equal(verdict == VerdictOutcome.Passed, expectation.Passed);
        Assert.StartsWith(verdict.ToText(), expectation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_whose_expectation_the_check_could_not_confirm_fails_and_one_that_expected_nothing_goes_on()
    {
        var unsure = new FakeVerifier(_ => VerdictOutcome.Unsure);
        var asserting = new EngineHarness { Services = new RunEngineServices { Verifier = unsure }, Policy = new() { Retries = 0, MaxReplans = 0 } };
        var plain = new EngineHarness { Services = new RunEngineServices { Verifier = unsure } };

        var stated = await asserting.RunAsync(new ExplicitStepsPlanner([Click("Pay") with { Expect = "a confirmation page" }]));
        var silent = await plain.RunAsync(new ExplicitStepsPlanner([Click("Pay")]));

        Assert.Equal(RunState.Failed, stated.FinalState);
        Assert.Contains("could not confirm \"a confirmation page\"", stated.Reason, StringComparison.Ordinal);
        Assert.Equal(StepOutcome.Failed, asserting.Sink.Steps[0].Outcome);
        Assert.Equal(RunState.Succeeded, silent.FinalState);
    }

    [Fact]
    public async Task A_timed_out_action_is_retried_and_the_attempts_are_recorded()
    {
        var harness = new EngineHarness { Policy = new() { Retries = 2 } };
        var calls = 0;
        harness.Driver.When(a => ++calls == 1 ? ActionResult.Failure(ActionFailureKind.Timeout, "slow") : null);

        var result = await harness.RunAsync(new ExplicitStepsPlanner([Click("A")]));

        Assert.Equal(RunState.Succeeded, result.FinalState);
        Assert.Equal(2, harness.Sink.Steps[0].Attempts);
    }

    [Fact]
    public async Task A_planner_that_gives_up_fails_the_run_with_its_reason()
    {
        var harness = new EngineHarness();
        var result = await harness.RunAsync(new ScriptedPlanner(_ => PlanDecision.GiveUp("no idea how to do that")));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Equal("no idea how to do that", result.Reason);
    }

    [Fact]
    public async Task A_value_naming_an_unknown_input_fails_the_step_without_acting()
    {
        var harness = new EngineHarness();
        var step = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Label = "Name" }, Value = "${inputs.nope}" };
        var result = await harness.RunAsync(new ExplicitStepsPlanner([step]));

        Assert.Equal(RunState.Failed, result.FinalState);
        Assert.Contains("inputs.nope", result.Reason);
        Assert.Empty(harness.Driver.Actions);
    }

    [Fact]
    public async Task Extracted_text_becomes_a_variable_later_steps_can_use()
    {
        var harness = new EngineHarness();
        var extract = new PlanStep { Action = ActionKind.Extract, Target = new ElementTarget { Css = ".ref" }, Value = "booking" };
        var fill = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Label = "Ref" }, Value = "${vars.booking}" };

        var result = await harness.RunAsync(new ExplicitStepsPlanner([extract, fill]));

        Assert.Equal("extracted text", result.Variables["booking"]);
        Assert.Equal("extracted text", harness.Driver.Actions[1].Value);
    }

    [Fact]
    public async Task Target_fields_may_name_inputs_which_are_resolved_before_acting()
    {
        var harness = new EngineHarness();
        var step = new PlanStep { Action = ActionKind.Click, Target = new ElementTarget { Role = "option", Name = "${inputs.user.name}" } };

        await harness.RunAsync(new ExplicitStepsPlanner([step]));

        Assert.Equal("Ada", harness.Driver.Actions.Single().Target!.Name);
        Assert.Equal("${inputs.user.name}", harness.Sink.Steps[0].RequestedTarget!.Name);
        Assert.Equal(["inputs.user.name"], harness.Sink.Steps[0].Parameters);
    }
}
