using System.Text.Json;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using Xunit.Abstractions;
using static ActionAgent.Planning.Tests.Offline.FixedGoalInterpreter;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// Goals whose effect can show on the wrong thing: a link beside a login form, a sort in the wrong direction, a
/// handle that others start with, an option named only by an adjective of the goal. Real Chromium, the real engine
/// with its evidence rule, and sub-goals read as the goal interpreter reads them; <c>window.pageState</c> says what
/// really happened.
/// </summary>
[Collection("demo sites")]
public sealed class FalseSuccessPageTests(DemoSitesFixture fixture, ITestOutputHelper output)
{
    private static readonly Dictionary<string, IReadOnlyList<SubGoal>> Readings = new(StringComparer.Ordinal)
    {
        ["Log in as \"j.doe\" with access code \"rose77\""] =
        [
            Goal(1, ActionFamily.EnterText, "Log in as \"j.doe\" with access code \"rose77\"", new(EffectKind.ValueSet, "username", "j.doe"), "username",
                [new(GoalValueKind.Text, "j.doe", "username")]),
            Goal(2, ActionFamily.EnterText, "Log in as \"j.doe\" with access code \"rose77\"", new(EffectKind.ValueSet, "access code", "rose77"), "access code",
                [new(GoalValueKind.Password, "rose77", "access code")]),
            Goal(3, ActionFamily.Submit, "Log in as \"j.doe\" with access code \"rose77\"", new(EffectKind.Navigated), "sign in", verb: "press", implied: true),
        ],
        ["Sort the payments by date, newest first"] =
        [
            Goal(1, ActionFamily.Filter, "Sort the payments by date, newest first", new(EffectKind.ListChanged, "payments by date"), "payments by date",
                qualifiers: new GoalQualifiers { Ordering = "latest", Ordinal = 1 }, verb: "sort"),
        ],
        ["Follow @eli"] =
        [
            Goal(1, ActionFamily.Activate, "Follow @eli", new(EffectKind.ScreenChanged, "follow"), "follow", scope: "@eli", verb: "follow"),
        ],
        ["Sign up for the monthly newsletter as ana@example.net and agree to the rules"] =
        [
            Goal(1, ActionFamily.EnterText, "Sign up for the monthly newsletter as ana@example.net", new(EffectKind.ValueSet, "email", "ana@example.net"), "email",
                [new(GoalValueKind.Email, "ana@example.net", "email")], verb: "sign up for"),
            Goal(2, ActionFamily.Toggle, "agree to the rules", new(EffectKind.Checked, "rules"), "rules", qualifiers: new GoalQualifiers { DesiredState = true }, verb: "agree to"),
            Goal(3, ActionFamily.Submit, "Sign up for the monthly newsletter as ana@example.net", new(EffectKind.Navigated, "monthly newsletter"), "sign up",
                verb: "press", implied: true),
        ],
    };

    [Fact]
    public async Task A_login_presses_the_forms_button_not_the_create_an_account_link_beside_it()
    {
        var (result, sink) = await RunAsync("account.html", "Log in as \"j.doe\" with access code \"rose77\"");

        Assert.True(result.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        var state = await PageStateAsync();
        Assert.Equal("true", state["signedIn"]);
        Assert.Equal("", state["link"]);
    }

    [Fact]
    public async Task A_sort_newest_first_ends_in_descending_order_and_the_engine_checks_the_rows()
    {
        var (result, sink) = await RunAsync("payments.html", "Sort the payments by date, newest first");

        Assert.True(result.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        Assert.Equal("descending", (await PageStateAsync())["sort"]);
        Assert.Contains("descending order of date", result.SubGoals.Single().Evidence);
    }

    [Fact]
    public async Task Following_a_handle_never_succeeds_on_a_similar_handle()
    {
        var (result, sink) = await RunAsync("people.html", "Follow @eli");

        var followed = (await PageStateAsync())["followed"];
        if (result.Succeeded)
        {
            Assert.Equal("eli", followed); // a success is only ever the right person
        }
        else
        {
            Assert.DoesNotContain(result.SubGoals, g => g.Achieved);
            Assert.Contains("@eli", result.Reason);
        }
        Assert.True(result.Succeeded == (followed == "eli"), $"succeeded: {result.Succeeded}, followed: {followed}\n{result.Reason}\n{sink.Describe()}");
    }

    [Fact]
    public async Task The_option_a_word_of_the_goal_names_is_chosen_before_the_form_is_sent()
    {
        var (result, sink) = await RunAsync("signup.html", "Sign up for the monthly newsletter as ana@example.net and agree to the rules");

        var state = await PageStateAsync();
        Assert.True(result.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        Assert.Equal("true", state["subscribed"]);
        Assert.Equal("Monthly", state["frequency"]);
    }

    private async Task<(RunResult Result, MemoryRecordingSink Sink)> RunAsync(string page, string goal)
    {
        var url = fixture.Host("commands").BaseAddress + page;
        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, goal, url, maxSteps: 20, interpreter: new FixedGoalInterpreter(Readings));
        output.WriteLine(sink.Describe());
        output.WriteLine(result.Reason ?? "");
        return (result, sink);
    }

    private async Task<Dictionary<string, string>> PageStateAsync()
    {
        var json = await fixture.Driver.Page.EvaluateAsync<JsonElement>("""
            () => Object.fromEntries(Object.entries(window.pageState || {}).map(([k, v]) => [k, String(v)]))
            """);
        return json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
