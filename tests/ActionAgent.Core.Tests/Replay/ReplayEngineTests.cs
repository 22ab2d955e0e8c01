using System.Reflection;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Secrets;
using ActionAgent.Core.Tests.Fakes;

namespace ActionAgent.Core.Tests.Replay;

public sealed class ReplayEngineTests
{
    private static readonly ReplayOptions Fast = new() { StepTimeout = TimeSpan.FromMilliseconds(300), FastPathMinimum = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public void Replay_code_has_no_reference_to_any_model_port()
    {
        Type[] modelPorts = [typeof(IPlanner), typeof(IScreenVerifier), typeof(IElementLocator), typeof(IIntentClassifier), typeof(ITextEmbedder), typeof(ITargetGrounder)];
        var replayTypes = typeof(ReplayEngine).Assembly.GetTypes().Where(t => t.Namespace == typeof(ReplayEngine).Namespace).ToList();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = replayTypes.SelectMany(t =>
            t.GetFields(all).Select(f => f.FieldType)
                .Concat(t.GetProperties(all).Select(p => p.PropertyType))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)
                    .Concat(m.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? [])))
                .Concat(t.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType))))
            .SelectMany(Flatten)
            .ToHashSet();

        Assert.NotEmpty(replayTypes);
        Assert.DoesNotContain(modelPorts, used.Contains);
    }

    [Fact]
    public async Task A_recording_that_names_no_start_page_fails_on_a_blank_page_instead_of_acting_on_nothing()
    {
        var driver = new FakeUiDriver { Location = "about:blank" };
        var recording = ReplayFixtures.Recording(ReplayFixtures.Search with { LocationBefore = "http://127.0.0.1:5173/task.html?id=kanban" });

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(recording, CancellationToken.None);
        var onItsPage = await new ReplayEngine(new FakeUiDriver { Location = "http://127.0.0.1:5173/task.html?id=kanban" }, Fast).ReplayAsync(recording, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("blank", result.Reason);
        Assert.Contains("--start", result.Reason);
        Assert.Empty(driver.Actions);
        Assert.True(onItsPage.Passed, onItsPage.Reason);
    }

    [Fact]
    public async Task Replay_passes_when_the_first_layer_matches_and_reports_no_heal()
    {
        var driver = new FakeUiDriver();

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(ReplayFixtures.Recording(ReplayFixtures.Search), CancellationToken.None);

        Assert.True(result.Passed, result.Reason);
        Assert.Equal(0, result.HealCount);
        Assert.Equal(new ElementTarget { Role = "button", Name = "Search flights" }, Assert.Single(driver.Actions).Target);
    }

    [Fact]
    public async Task Replay_heals_a_renamed_button_and_reports_the_heal()
    {
        var driver = new FakeUiDriver().When(a => a.Target?.Role is not null && a.Target.Css is null
            ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "no button \"Search flights\"")
            : a.Kind == ActionKind.WaitFor ? ActionResult.Success(a.Target! with { Name = "Find flights" }, "css") : null);

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(ReplayFixtures.Recording(ReplayFixtures.Search), CancellationToken.None);

        Assert.True(result.Passed, result.Reason);
        var heal = Assert.Single(result.Steps).Heal;
        Assert.NotNull(heal);
        Assert.Equal("role button \"Search flights\"", heal.BrokenLocator);
        Assert.Equal("css #search-button", heal.FoundLocator);
        Assert.Equal(new ElementTarget { Css = "#search-button" }, driver.Actions.Last().Target);
    }

    [Fact]
    public async Task No_heal_fails_naming_the_step_and_the_locator_that_broke()
    {
        var driver = new FakeUiDriver().When(a => a.Target?.Role is not null && a.Target.Css is null
            ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "not found")
            : a.Kind == ActionKind.WaitFor ? ActionResult.Success(a.Target, "css") : null);

        var result = await new ReplayEngine(driver, Fast with { AllowHeal = false }).ReplayAsync(ReplayFixtures.Recording(ReplayFixtures.Search), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.StartsWith("step 1 click: role button \"Search flights\" no longer matches; found by css #search-button", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(driver.Actions, a => a.Kind == ActionKind.Click && a.Target?.Css is not null);
    }

    [Fact]
    public async Task Param_changes_the_value_typed_and_the_value_check()
    {
        var driver = new FakeUiDriver();
        var step = ReplayFixtures.FillName with { Checks = [new DerivedCheck("value", "Ada", new ElementTarget { Label = "First name" })] };
        var options = Fast with { Parameters = new Dictionary<string, string> { ["passenger.first_name"] = "Grace" } };

        var result = await new ReplayEngine(driver, options).ReplayAsync(ReplayFixtures.Recording(step), CancellationToken.None);

        Assert.Equal("Grace", Assert.Single(driver.Actions).Value);
        Assert.Contains("value is \"Grace\"", Assert.Single(Assert.Single(result.Steps).Checks).Check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Param_changes_an_element_a_target_names_and_the_old_layers_cannot_heal_onto_the_old_element()
    {
        var driver = new FakeUiDriver();
        driver.When(a => a.Target?.Name == "Rome (FCO)" ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "no Rome option") : null);
        var pick = new StepRecord
        {
            Index = 1,
            Action = "click",
            Parameters = ["inputs.trip.destination"],
            RequestedTarget = new ElementTarget { Role = "option", Name = "${inputs.trip.destination}" },
            Target = new ElementTarget { Role = "option", Name = "Paris (CDG)", Css = "#opt-cdg" },
            Outcome = StepOutcome.Succeeded,
        };
        var recording = ReplayFixtures.Recording(pick);
        recording = recording with { Header = recording.Header with { Inputs = new Dictionary<string, string> { ["trip.destination"] = "Paris (CDG)" } } };
        var options = Fast with { Parameters = new Dictionary<string, string> { ["trip.destination"] = "Rome (FCO)" } };

        var result = await new ReplayEngine(driver, options).ReplayAsync(recording, CancellationToken.None);

        Assert.Equal("Rome (FCO)", driver.Actions[0].Target!.Name);
        Assert.False(result.Passed);
        Assert.DoesNotContain(driver.Actions, a => a.Target?.Css == "#opt-cdg");
    }

    [Fact]
    public async Task A_recorded_check_that_does_not_hold_fails_the_step()
    {
        var driver = new FakeUiDriver { Location = "http://127.0.0.1:6000/?today=2026-11-28" };
        var step = ReplayFixtures.Search with { Checks = [new DerivedCheck("url", "/?today=2026-11-28#results")] };

        var result = await new ReplayEngine(driver, Fast).ReplayAsync(ReplayFixtures.Recording(step, ReplayFixtures.FillName with { Index = 2 }), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("recorded check \"url is /?today=2026-11-28#results\" failed", result.Reason, StringComparison.Ordinal);
        Assert.Equal(ReplayStepOutcome.Skipped, result.Steps[1].Outcome);
    }

    [Fact]
    public async Task Goto_values_move_to_the_replay_origin_with_the_extra_query()
    {
        var driver = new FakeUiDriver();
        var step = new StepRecord { Index = 1, Action = "goto", Value = "http://127.0.0.1:5000/?today=2026-11-28", Outcome = StepOutcome.Succeeded };
        var options = Fast with { Urls = ReplayUrls.For("http://127.0.0.1:5000/?today=2026-11-28", "http://127.0.0.1:7000/", new Dictionary<string, string> { ["variant"] = "drift" }) };

        await new ReplayEngine(driver, options).ReplayAsync(ReplayFixtures.Recording(step), CancellationToken.None);

        Assert.Equal("http://127.0.0.1:7000/?today=2026-11-28&variant=drift", Assert.Single(driver.Actions).Value);
    }

    [Fact]
    public void Preflight_never_names_the_recordings_own_secret_source_and_asks_the_user_to_declare_one()
    {
        // The fixture's header maps card_number to FIXTURE_CARD; a recording must not choose what is read.
        var step = ReplayFixtures.FillName with { Value = "${secrets.card_number}" };

        var problems = ReplayEngine.Preflight(ReplayFixtures.Recording(step), new ReplayOptions());

        Assert.Equal("steps[2].value: the secret \"card_number\" has no value: declare where it comes from with --secret card_number=ENV_VAR or --scenario FILE.", Assert.Single(problems));
    }

    [Fact]
    public void Preflight_names_the_environment_variable_the_user_declared_when_it_is_unset()
    {
        var step = ReplayFixtures.FillName with { Value = "${secrets.card_number}" };

        var problems = ReplayEngine.Preflight(ReplayFixtures.Recording(step),
            new ReplayOptions { SecretSources = new Dictionary<string, string> { ["card_number"] = "MY_CARD" } });

        Assert.Equal("steps[2].value: the secret \"card_number\" has no value: the environment variable MY_CARD (declared for it) is not set.", Assert.Single(problems));
    }

    [Fact]
    public void Preflight_refuses_a_parameter_the_recording_does_not_have()
    {
        var problems = ReplayEngine.Preflight(ReplayFixtures.Recording(ReplayFixtures.FillName),
            new ReplayOptions { Parameters = new Dictionary<string, string> { ["destination"] = "Rome" } });

        Assert.StartsWith("--param destination: the recording has no input", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_values_are_typed_but_never_appear_in_errors()
    {
        var driver = new FakeUiDriver().When(a => a.Kind == ActionKind.Fill ? ActionResult.Failure(ActionFailureKind.NotActionable, $"could not type 4242424242424242") : null);
        var step = ReplayFixtures.FillName with { Value = "${secrets.card_number}" };
        var options = Fast with { Secrets = new SecretVault(new Dictionary<string, string> { ["card_number"] = "4242424242424242" }) };

        var result = await new ReplayEngine(driver, options).ReplayAsync(ReplayFixtures.Recording(step), CancellationToken.None);

        Assert.Equal("4242424242424242", Assert.Single(driver.Actions).Value);
        Assert.DoesNotContain("4242", result.Reason, StringComparison.Ordinal);
        var junit = ActionAgent.Core.Reports.JUnitReportWriter.Render(result);
        Assert.Contains("could not type ********", junit, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", junit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heal_out_recording_makes_the_healed_locator_the_first_layer()
    {
        var driver = new FakeUiDriver().When(a => a.Target?.Role is not null && a.Target.Css is null && a.Target.Name == "Search flights"
            ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "not found")
            : a.Kind == ActionKind.WaitFor ? ActionResult.Success(new ElementTarget { Role = "button", Name = "Find flights", Css = "#x-button_search" }, "xpath") : null);
        var recording = ReplayFixtures.Recording(ReplayFixtures.Search);
        var result = await new ReplayEngine(driver, Fast).ReplayAsync(recording, CancellationToken.None);

        var healed = HealedRecording.Apply(recording, result);

        Assert.Equal(new ElementTarget { Role = "button", Name = "Find flights", Exact = true }, healed.Steps[0].RequestedTarget);
        Assert.Equal(new ElementTarget { Role = "button", Name = "Find flights", Exact = true }, ReplayTargets.Primary(healed.Steps[0]));
    }

    [Fact]
    public async Task Heal_out_recording_keeps_the_recorded_target_when_only_the_coordinates_found_the_element()
    {
        // Under load the DOM layers can miss for a moment and the recorded box is used: what sits at that point then
        // (here a full-page container) must not become the step's new target.
        var container = new ElementTarget { Box = new BoundingBox(0, 0, 1280, 727) };
        var driver = new FakeUiDriver().When(a => a.Kind == ActionKind.WaitFor ? ActionResult.Success(container, "box")
            : a.Target?.Role is not null ? ActionResult.Failure(ActionFailureKind.TargetNotFound, "not found") : null);
        var search = ReplayFixtures.Search;
        var recording = ReplayFixtures.Recording(search with { Target = search.Target! with { Box = new BoundingBox(600, 300, 120, 40) } });
        var result = await new ReplayEngine(driver, Fast).ReplayAsync(recording, CancellationToken.None);

        var healed = HealedRecording.Apply(recording, result);

        Assert.Equal("box", Assert.Single(result.Steps).Heal?.FoundBy);
        Assert.Equal(recording.Steps[0], healed.Steps[0]);
    }

    [Fact]
    public async Task A_recording_with_no_approvals_cannot_drop_the_approval_the_user_asks_for()
    {
        var pay = ReplayFixtures.Search with { RequestedTarget = new ElementTarget { Role = "button", Name = "Pay €44" }, Target = new ElementTarget { Role = "button", Name = "Pay €44" } };
        var recording = ReplayFixtures.Recording(pay); // its header's policy.approve is empty
        var driver = new FakeUiDriver();

        var result = await new ReplayEngine(driver, Fast with { Approve = ["purchase"] }).ReplayAsync(recording, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.DoesNotContain(driver.Actions, a => a.Kind == ActionKind.Click);
        Assert.Contains("your policy asks for approval of 'purchase' steps", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?today=2026-11-28#results", "http://127.0.0.1:1/?today=2026-11-28&variant=drift#results", true)]
    [InlineData("/?today=2026-11-28#results", "http://127.0.0.1:1/?today=2026-11-28#fare", false)]
    [InlineData("/?today=2026-11-28", "http://127.0.0.1:1/?today=2026-11-29", false)]
    [InlineData("/checkout", "http://127.0.0.1:1/checkout", true)]
    public void Url_checks_allow_query_flags_the_replay_added(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, ReplayUrls.Matches(expected, actual));
    }

    [Fact]
    public void Extract_steps_do_not_use_the_text_they_read_as_a_locator()
    {
        var step = new StepRecord
        {
            Index = 1, Action = "extract", Value = "ref", Outcome = StepOutcome.Succeeded,
            Target = new ElementTarget { Text = "4QY9HS", Css = "#booking-reference" },
        };

        Assert.Equal(new ElementTarget { Css = "#booking-reference", Exact = true }, ReplayTargets.Full(step));
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType) foreach (var t in Flatten(type.GetElementType()!)) yield return t;
        if (type.IsGenericType) foreach (var t in type.GetGenericArguments().SelectMany(Flatten)) yield return t;
    }
}
