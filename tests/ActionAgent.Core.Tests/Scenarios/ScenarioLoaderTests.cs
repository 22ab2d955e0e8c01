using ActionAgent.Core.Actions;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Core.Tests.Scenarios;

/// <summary>The happy path: the format's full example loads into the right Scenario and PlanStep values.</summary>
public sealed class ScenarioLoaderTests
{
    internal const string FullExample = """
        name: book-flight
        goal: Book the cheapest one-way flight from London to Paris on 24 December
        app: { browser: { start: "site:skyfare" } }
        inputs: { passenger: { first_name: Ada, last_name: Lovelace, email: ada@example.com } }
        secrets: { card_number: { env: SKYFARE_CARD } }
        policy: { allow_domains: [127.0.0.1, localhost], approve: [purchase], max_steps: 40, timeout: 2m, step_timeout: 10s, retries: 1, max_replans: 3, max_tokens: 0, max_cost: 0 }
        expect:
          - text: Booking confirmed
          - screen: a confirmation page showing a booking reference
          - url: /confirmation
        steps:
          - goto: /
          - click: { role: button, name: Accept all }
          - type: { label: From, value: Lon }
          - click: { role: option, name: "London (LHR)" }
          - fill: { label: Card number, value: "${secrets.card_number}" }
          - select: { label: Sort by, value: "Price: lowest first" }
          - press: Enter
          - click: "text=Search flights"
          - click: { description: the cheapest flight's Select button }
          - wait-for: { text: Booking confirmed, timeout: 15s }
          - extract: { css: ".booking-ref", as: booking_ref }
          - assert: { text: Booking confirmed }
          - click: { role: button, name: Pay, tags: [purchase], expect: "a confirmation page" }
        """;

    internal static readonly ScenarioLoadOptions WithCard = new()
    {
        GetEnvironmentVariable = name => name == "SKYFARE_CARD" ? "4242424242424242" : null,
    };

    private static Scenario LoadFull()
    {
        var result = ScenarioLoader.Parse(FullExample, "book-flight.yaml", WithCard);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    [Fact]
    public void Full_example_loads_its_header()
    {
        var scenario = LoadFull();

        Assert.Equal("book-flight", scenario.Name);
        Assert.Equal("Book the cheapest one-way flight from London to Paris on 24 December", scenario.Goal);
        Assert.Equal("site:skyfare", scenario.App.Browser?.Start);
        Assert.Equal("skyfare", scenario.App.Browser?.SiteName);
        Assert.Null(scenario.App.Desktop);
        Assert.Equal(new SecretSource("SKYFARE_CARD"), scenario.Secrets["card_number"]);
    }

    [Fact]
    public void Full_example_loads_every_policy_field()
    {
        var policy = LoadFull().Policy;

        Assert.Equal(["127.0.0.1", "localhost"], policy.AllowDomains);
        Assert.Equal(["purchase"], policy.Approve);
        Assert.Equal(40, policy.MaxSteps);
        Assert.Equal(TimeSpan.FromMinutes(2), policy.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.StepTimeout);
        Assert.Equal(1, policy.Retries);
        Assert.Equal(3, policy.MaxReplans);
        Assert.Equal(0, policy.MaxTokens);
        Assert.Equal(0m, policy.MaxCost);
    }

    [Fact]
    public void Full_example_loads_expectations_with_their_origin()
    {
        var expect = LoadFull().Expect;

        Assert.Equal(3, expect.Count);
        Assert.Equal("Booking confirmed", expect[0].Text);
        Assert.Equal("a confirmation page showing a booking reference", expect[1].Screen);
        Assert.Equal("/confirmation", expect[2].Url);
        Assert.Equal("book-flight.yaml:8", expect[0].Origin);
    }

    [Fact]
    public void Full_example_loads_every_step_as_the_right_PlanStep()
    {
        var steps = LoadFull().Steps;

        PlanStep[] expected =
        [
            new() { Action = ActionKind.Goto, Value = "/" },
            new() { Action = ActionKind.Click, Target = new() { Role = "button", Name = "Accept all" } },
            new() { Action = ActionKind.Type, Target = new() { Label = "From" }, Value = "Lon" },
            new() { Action = ActionKind.Click, Target = new() { Role = "option", Name = "London (LHR)" } },
            new() { Action = ActionKind.Fill, Target = new() { Label = "Card number" }, Value = "${secrets.card_number}" },
            new() { Action = ActionKind.Select, Target = new() { Label = "Sort by" }, Value = "Price: lowest first" },
            new() { Action = ActionKind.Press, Value = "Enter" },
            new() { Action = ActionKind.Click, Target = new() { Text = "Search flights" } },
            new() { Action = ActionKind.Click, Target = ElementTarget.Describe("the cheapest flight's Select button") },
            new() { Action = ActionKind.WaitFor, Target = new() { Text = "Booking confirmed" }, Timeout = TimeSpan.FromSeconds(15) },
            new() { Action = ActionKind.Extract, Target = new() { Css = ".booking-ref" }, Value = "booking_ref" },
            new() { Action = ActionKind.Assert, Target = new() { Text = "Booking confirmed" } },
            new() { Action = ActionKind.Click, Target = new() { Role = "button", Name = "Pay" }, Expect = "a confirmation page" },
        ];
        Assert.Equal(expected.Length, steps.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            // Tags and Origin are compared apart: records compare lists by reference.
            Assert.Equal(expected[i], steps[i] with { Tags = expected[i].Tags, Origin = null });
        }
    }

    [Fact]
    public void Each_step_records_its_file_and_line_as_origin()
    {
        var steps = LoadFull().Steps;

        Assert.Equal("book-flight.yaml:12", steps[0].Origin);
        Assert.Equal("book-flight.yaml:24", steps[12].Origin);
    }

    [Fact]
    public void Step_tags_are_loaded()
    {
        Assert.Equal(["purchase"], LoadFull().Steps[12].Tags);
    }

    [Fact]
    public void Nested_inputs_flatten_to_dotted_keys()
    {
        var inputs = LoadFull().Inputs;

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["passenger.first_name"] = "Ada",
                ["passenger.last_name"] = "Lovelace",
                ["passenger.email"] = "ada@example.com",
            },
            inputs);
    }

    [Fact]
    public void List_inputs_flatten_to_numbered_keys()
    {
        const string yaml = """
            name: lists
            goal: g
            app: { desktop: { command: zenity } }
            inputs: { sizes: [small, large], rows: [{ a: 1 }, { a: 2 }] }
            """;

        var inputs = ScenarioLoader.Parse(yaml, "s.yaml").Scenario!.Inputs;

        Assert.Equal(["rows.0.a", "rows.1.a", "sizes.0", "sizes.1"], inputs.Keys.Order());
        Assert.Equal("large", inputs["sizes.1"]);
    }

    [Fact]
    public void Desktop_app_with_goal_only_loads_with_default_policy()
    {
        const string yaml = """
            name: calc
            goal: add 2 and 3
            app: { desktop: { command: gtk3-widget-factory } }
            """;

        var scenario = ScenarioLoader.Parse(yaml, "calc.yaml").Scenario!;

        Assert.Equal("gtk3-widget-factory", scenario.App.Desktop?.Command);
        Assert.Equal(new RunPolicy().MaxSteps, scenario.Policy.MaxSteps);
        Assert.Empty(scenario.Steps);
    }

    [Fact]
    public void Load_reads_a_file_and_sets_its_source_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: t\ngoal: g\napp: { browser: { start: \"https://example.com\" } }\n");
        try
        {
            var result = ScenarioLoader.Load(path);

            Assert.Equal(path, result.Scenario?.SourcePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_of_a_missing_file_is_an_error_not_an_exception()
    {
        var result = ScenarioLoader.Load("no/such/scenario.yaml");

        Assert.Equal("no/such/scenario.yaml: (file): file not found", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Extracted_variables_can_be_used_by_later_steps()
    {
        const string yaml = """
            name: vars
            app: { browser: { start: "https://example.com" } }
            steps:
              - extract: { css: .price, as: price }
              - fill: { label: Note, value: "was ${vars.price}" }
            """;

        Assert.True(ScenarioLoader.Parse(yaml, "v.yaml").Success);
    }
}
