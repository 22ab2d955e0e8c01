using ActionAgent.Core.Scenarios;

namespace ActionAgent.Core.Tests.Scenarios;

/// <summary>One test per class of bad input: each error names the file, line, column and field.</summary>
public sealed class ScenarioLoaderErrorTests
{
    private const string Header = """
        name: t
        goal: g
        app: { browser: { start: "site:skyfare" } }

        """;

    private static IReadOnlyList<ScenarioError> Errors(string yaml, ScenarioLoadOptions? options = null)
    {
        var result = ScenarioLoader.Parse(yaml, "s.yaml", options);
        Assert.False(result.Success);
        Assert.Null(result.Scenario);
        return result.Errors;
    }

    private static ScenarioError SingleError(string yaml, ScenarioLoadOptions? options = null) => Assert.Single(Errors(yaml, options));

    [Fact]
    public void Malformed_yaml_reports_the_parser_position_and_the_field_it_was_in()
    {
        var error = SingleError(Header + "policy:\n  max_steps: [1, 2\n");

        Assert.StartsWith("s.yaml:6:1: policy.max_steps[1]: malformed YAML: While parsing a flow sequence", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_reported_as_malformed_yaml_at_the_duplicate()
    {
        var error = SingleError(Header + "name: again\n");

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Contains("malformed YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_known_key()
    {
        var error = SingleError(Header + "polcy: { max_steps: 3 }\n");

        Assert.Equal("s.yaml:4:1: polcy: unknown key 'polcy' — did you mean 'policy'?", error.ToString());
    }

    [Fact]
    public void Unknown_nested_key_names_its_dotted_field()
    {
        var error = SingleError(Header + "policy:\n  max_stesp: 3\n");

        Assert.Equal("s.yaml:5:3: policy.max_stesp: unknown key 'max_stesp' — did you mean 'max_steps'?", error.ToString());
    }

    [Fact]
    public void Word_where_a_whole_number_is_expected_is_a_type_error()
    {
        var error = SingleError(Header + "policy: { max_steps: many }\n");

        Assert.Equal("s.yaml:4:22: policy.max_steps: expected a whole number, not 'many'", error.ToString());
    }

    [Fact]
    public void Bad_duration_says_which_forms_are_accepted()
    {
        var error = SingleError(Header + "policy: { timeout: soon }\n");

        Assert.Equal((4, 20, "policy.timeout"), (error.Line, error.Column, error.Field));
        Assert.Contains("500ms, 90s, 2m, 1h", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_name_and_app_are_both_reported()
    {
        var errors = Errors("goal: g\n");

        Assert.Equal(["s.yaml:1:1: name: missing required key 'name'", "s.yaml:1:1: app: missing required key 'app' (app: { browser: { start: URL } } or app: { desktop: { launch: … } })"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Scenario_without_goal_or_steps_is_an_error_on_goal()
    {
        var error = SingleError("name: t\napp: { desktop: { command: zenity } }\n");

        Assert.Equal("s.yaml:1:1: goal: a scenario needs a goal, steps, or both", error.ToString());
    }

    [Fact]
    public void Every_error_in_the_file_is_reported_not_just_the_first()
    {
        var errors = Errors(Header + "polcy: {}\npolicy: { retries: -1, max_cost: lots }\nsteps:\n  - klick: x\n");

        Assert.Equal(["polcy", "policy.retries", "policy.max_cost", "steps[0].klick"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Unknown_action_suggests_the_closest_action()
    {
        var error = SingleError(Header + "steps:\n  - klick: \"text=Go\"\n");

        Assert.Equal((5, 5, "steps[0].klick"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("unknown action 'klick' — did you mean 'click'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_with_two_actions_is_an_error_on_the_second()
    {
        var error = SingleError(Header + "steps:\n  - click: \"text=Go\"\n    press: Enter\n");

        Assert.Equal("s.yaml:6:5: steps[0].press: a step has exactly one action, but this one has 'click' and 'press'; start a new '- ' item", error.ToString());
    }

    [Fact]
    public void Step_field_beside_the_action_says_to_move_it_inside()
    {
        var error = SingleError(Header + "steps:\n  - click: \"text=Pay\"\n    tags: [purchase]\n");

        Assert.Equal("steps[0].tags", error.Field);
        Assert.Contains("belongs inside the action", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_missing_its_target_names_the_action_field()
    {
        var error = SingleError(Header + "steps:\n  - click: { tags: [x] }\n");

        Assert.Equal((5, 12, "steps[0].click"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("click needs a target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_missing_its_value_names_the_value_field()
    {
        var error = SingleError(Header + "steps:\n  - fill: { label: Email }\n");

        Assert.Equal("s.yaml:5:11: steps[0].fill.value: fill needs a value", error.ToString());
    }

    [Fact]
    public void Step_field_that_does_not_apply_to_the_action_is_an_error()
    {
        var error = SingleError(Header + "steps:\n  - click: { label: OK, url: /x }\n");

        Assert.Equal("s.yaml:5:30: steps[0].click.url: 'url' does not apply to click; it is for goto", error.ToString());
    }

    [Fact]
    public void Malformed_target_string_is_an_error_on_the_step()
    {
        var error = SingleError(Header + "steps:\n  - click: 'role=button[name=\"Pay\"'\n");

        Assert.Equal((5, 12, "steps[0].click"), (error.Line, error.Column, error.Field));
    }

    [Fact]
    public void Unknown_site_is_an_error_when_a_site_check_is_given()
    {
        var options = new ScenarioLoadOptions { SiteExists = name => name == "other" };

        var error = SingleError(Header, options);

        Assert.Equal("s.yaml:3:26: app.browser.start: unknown site 'skyfare': there is no folder scenarios/sites/skyfare", error.ToString());
    }

    [Fact]
    public void Site_is_not_checked_without_a_site_check()
    {
        Assert.True(ScenarioLoader.Parse(Header, "s.yaml").Success);
    }

    [Fact]
    public void Missing_secret_variable_is_an_error_by_default()
    {
        var options = new ScenarioLoadOptions { GetEnvironmentVariable = _ => null };

        var error = SingleError(Header + "secrets: { card: { env: SKYFARE_CARD } }\n", options);

        Assert.Equal("s.yaml:4:25: secrets.card.env: the environment variable SKYFARE_CARD is not set (secret 'card')", error.ToString());
    }

    [Fact]
    public void Missing_secret_variable_is_a_warning_when_asked()
    {
        var options = new ScenarioLoadOptions { GetEnvironmentVariable = _ => null, CheckSecrets = SecretCheck.Warning };

        var result = ScenarioLoader.Parse(Header + "secrets: { card: { env: SKYFARE_CARD } }\n", "s.yaml", options);

        Assert.True(result.Success);
        Assert.Equal("secrets.card.env", Assert.Single(result.Warnings).Field);
    }

    [Fact]
    public void Undeclared_input_placeholder_suggests_the_declared_one()
    {
        var error = SingleError(Header + "inputs: { passenger: { first_name: Ada } }\nsteps:\n  - fill: { label: Name, value: \"${inputs.passenger.frist_name}\" }\n");

        Assert.Equal("s.yaml:6:33: steps[0].fill.value: unknown input 'passenger.frist_name' — did you mean 'passenger.first_name'?", error.ToString());
    }

    [Fact]
    public void Undeclared_secret_placeholder_is_an_error()
    {
        var error = SingleError(Header + "steps:\n  - fill: { label: Card, value: \"${secrets.card}\" }\n");

        Assert.Equal((5, 33, "steps[0].fill.value"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("unknown secret 'card'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_placeholder_in_the_goal_is_an_error_because_the_goal_reaches_models()
    {
        var options = new ScenarioLoadOptions { GetEnvironmentVariable = _ => "x" };

        var error = SingleError("name: t\ngoal: pay with ${secrets.card}\napp: { desktop: { command: c } }\nsecrets: { card: { env: CARD } }\n", options);

        Assert.Equal(("goal", 2), (error.Field, error.Line));
        Assert.Contains("sent to models", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variable_placeholder_before_its_extract_step_is_an_error()
    {
        var error = SingleError(Header + "steps:\n  - fill: { label: N, value: \"${vars.price}\" }\n  - extract: { css: .p, as: price }\n");

        Assert.Equal("steps[0].fill.value", error.Field);
    }

    [Fact]
    public void Wrong_node_kind_is_a_type_error()
    {
        var error = SingleError(Header + "steps: { click: x }\n");

        Assert.Equal("s.yaml:4:8: steps: expected a list of steps (- goto: /, - click: …), not a mapping", error.ToString());
    }

    [Fact]
    public void Empty_file_is_an_error_at_the_first_line()
    {
        Assert.Equal("s.yaml:1:1: (root): the file is empty; a scenario needs at least name, app, and a goal or steps", SingleError("").ToString());
    }
}
