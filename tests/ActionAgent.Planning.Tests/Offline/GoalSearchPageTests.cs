using System.Text.Json;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using Xunit.Abstractions;
using static ActionAgent.Planning.Tests.Offline.FixedGoalInterpreter;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// Goals that are neither plain commands nor skills, carried out by the offline planner's action search on pages
/// modelled on real UIs (a todo list with hover-only delete and filters, a feed, a timetable, an accordion, a login with
/// unusual labels, a newsletter form with a consent box), with the engine's evidence rule on. Each page's
/// <c>window.pageState</c> says whether the goal was really reached.
/// </summary>
[Collection("demo sites")]
public sealed class GoalSearchPageTests(DemoSitesFixture fixture, ITestOutputHelper output)
{
    private static readonly GoalValue[] None = [];

    private static readonly Dictionary<string, IReadOnlyList<SubGoal>> Readings = new(StringComparer.Ordinal)
    {
        ["Put \"call the bank\" on my list"] =
        [
            Goal(1, ActionFamily.EnterText, "put \"call the bank\" on my list", new(EffectKind.ItemAppeared, "list", "call the bank"), "list",
                [new(GoalValueKind.Text, "call the bank")], verb: "put"),
        ],
        ["Tick off the second task"] =
        [
            Goal(1, ActionFamily.Toggle, "tick off the second task", new(EffectKind.Checked, "task"), "task",
                qualifiers: new GoalQualifiers { Ordinal = 2, DesiredState = true }, verb: "tick off"),
        ],
        ["Remove the item \"old shoes\""] =
        [
            Goal(1, ActionFamily.Remove, "remove the item \"old shoes\"", new(EffectKind.ItemDisappeared, "item", "old shoes"), "item",
                [new(GoalValueKind.Text, "old shoes")], verb: "remove"),
        ],
        ["Only show the tasks I have finished"] =
        [
            Goal(1, ActionFamily.Filter, "only show the tasks I have finished", new(EffectKind.ListChanged, "tasks"), "tasks I have finished", verb: "only show"),
        ],
        ["Like every photo posted by @ana, then press Done"] =
        [
            Goal(1, ActionFamily.Activate, "like every photo posted by @ana", new(EffectKind.Selected, "photo"), "like",
                qualifiers: new GoalQualifiers { Quantity = Quantity.All }, scope: "photo posted by @ana", verb: "like"),
            Goal(2, ActionFamily.Activate, "press Done", new(EffectKind.ScreenChanged, "Done"), "Done", verb: "press"),
        ],
        ["Pick the shortest bus"] =
        [
            Goal(1, ActionFamily.Pick, "pick the shortest bus", new(EffectKind.Selected, "bus"), "bus", qualifiers: new GoalQualifiers { Ordering = "shortest" }, verb: "pick"),
        ],
        ["Pick the cheapest bus"] =
        [
            Goal(1, ActionFamily.Pick, "pick the cheapest bus", new(EffectKind.Selected, "bus"), "bus", qualifiers: new GoalQualifiers { Ordering = "cheapest" }, verb: "pick"),
        ],
        ["Open the collapsed panel, then press Save"] =
        [
            Goal(1, ActionFamily.Expand, "open the collapsed panel", new(EffectKind.Expanded, "panel"), "collapsed panel", verb: "open"),
            Goal(2, ActionFamily.Activate, "press Save", new(EffectKind.ScreenChanged, "Save"), "Save", verb: "press"),
        ],
        ["Sign up for the monthly newsletter as ana@example.net and agree to the rules"] =
        [
            Goal(1, ActionFamily.Choose, "the monthly newsletter", new(EffectKind.Selected, "newsletter", "monthly"), "newsletter", [new(GoalValueKind.Text, "monthly")]),
            Goal(2, ActionFamily.EnterText, "as ana@example.net", new(EffectKind.ValueSet, "email", "ana@example.net"), "", [new(GoalValueKind.Email, "ana@example.net")]),
            Goal(3, ActionFamily.Toggle, "agree to the rules", new(EffectKind.Checked, "rules"), "rules", qualifiers: new GoalQualifiers { DesiredState = true }, verb: "agree to"),
            Goal(4, ActionFamily.Submit, "sign up", new(EffectKind.Navigated), "", verb: "sign up", implied: true),
        ],
        ["Log in as \"j.doe\" with access code \"rose77\""] =
        [
            Goal(1, ActionFamily.EnterText, "as \"j.doe\"", new(EffectKind.ValueSet, "user name", "j.doe"), "user name", [new(GoalValueKind.Text, "j.doe", "user name")]),
            Goal(2, ActionFamily.EnterText, "with access code \"rose77\"", new(EffectKind.ValueSet, "access code", "rose77"), "access code", [new(GoalValueKind.Password, "rose77", "access code")]),
            Goal(3, ActionFamily.Submit, "log in", new(EffectKind.Navigated), "", verb: "log in", implied: true),
        ],
        ["Log in as \"j.doe\" with access code \"tulip1\""] =
        [
            Goal(1, ActionFamily.EnterText, "as \"j.doe\"", new(EffectKind.ValueSet, "user name", "j.doe"), "user name", [new(GoalValueKind.Text, "j.doe", "user name")]),
            Goal(2, ActionFamily.EnterText, "with access code \"tulip1\"", new(EffectKind.ValueSet, "access code", "tulip1"), "access code", [new(GoalValueKind.Password, "tulip1", "access code")]),
            Goal(3, ActionFamily.Submit, "log in", new(EffectKind.Navigated), "", verb: "log in", implied: true),
        ],
    };

    public static TheoryData<string, string, string> Goals => new()
    {
        { "todo.html", "Put \"call the bank\" on my list", """{"itemCount":5,"last":"call the bank"}""" },
        { "todo.html", "Tick off the second task", """{"secondDone":true,"doneCount":2}""" },
        { "todo.html", "Remove the item \"old shoes\"", """{"itemCount":3,"hasOldShoes":false}""" },
        { "todo.html", "Only show the tasks I have finished", """{"filter":"completed"}""" },
        { "feed.html", "Like every photo posted by @ana, then press Done", """{"liked":"1,3,5","done":true}""" },
        { "timetable.html", "Pick the shortest bus", """{"chosen":"09:30"}""" },
        { "timetable.html", "Pick the cheapest bus", """{"chosen":"12:00"}""" },
        { "settings.html", "Open the collapsed panel, then press Save", """{"saved":true}""" },
        { "signup.html", "Sign up for the monthly newsletter as ana@example.net and agree to the rules", """{"subscribed":true,"email":"ana@example.net","frequency":"Monthly"}""" },
        { "login.html", "Log in as \"j.doe\" with access code \"rose77\"", """{"signedIn":true,"user":"j.doe"}""" },
    };

    [Theory]
    [MemberData(nameof(Goals))]
    public async Task The_search_reaches_the_goal_and_the_engine_sees_every_sub_goals_effect(string page, string goal, string expectedJson)
    {
        var (result, sink) = await RunAsync(page, goal);

        Assert.True(result.FinalState == RunState.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        Assert.All(result.SubGoals, g => Assert.True(g.Achieved, $"{g.Text}: {g.Evidence}"));
        var state = await PageStateAsync();
        foreach (var expected in JsonDocument.Parse(expectedJson).RootElement.EnumerateObject())
        {
            Assert.True(state.TryGetValue(expected.Name, out var actual), $"no {expected.Name} in {string.Join(", ", state.Keys)}");
            Assert.Equal(expected.Value.ValueKind == JsonValueKind.String ? expected.Value.GetString() : expected.Value.GetRawText(), actual);
        }
    }

    [Fact]
    public async Task A_login_the_page_refuses_fails_naming_the_sub_goal_instead_of_claiming_success()
    {
        var (result, sink) = await RunAsync("login.html", "Log in as \"j.doe\" with access code \"tulip1\"");

        Assert.True(result.FinalState == RunState.Failed, sink.Describe());
        Assert.Contains("#3 Submit \"log in\"", result.Reason);
        Assert.Contains("Unknown handle or code", result.Reason);
        Assert.Equal("false", (await PageStateAsync())["signedIn"]);
    }

    [Fact]
    public async Task Every_step_records_the_sub_goal_it_served_and_the_effect_evidence()
    {
        var (result, sink) = await RunAsync("todo.html", "Remove the item \"old shoes\"");

        Assert.True(result.Succeeded, result.Reason);
        var acting = sink.Steps.Where(s => s.SubGoal is not null).ToList();
        Assert.Contains(acting, s => s.Action == "hover");
        Assert.Contains(acting, s => s.Effect is { Observed: true } && s.Effect.Evidence.Contains("old shoes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clickable_span_without_a_role_is_found_by_the_probe_and_clicked()
    {
        var url = fixture.Host("commands").BaseAddress + "signup.html";

        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, "click Contact support", url, maxSteps: 10);

        output.WriteLine(sink.Describe());
        Assert.True(result.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        Assert.Equal("true", (await PageStateAsync())["help"]);
    }

    private async Task<(RunResult Result, MemoryRecordingSink Sink)> RunAsync(string page, string goal)
    {
        var url = fixture.Host("commands").BaseAddress + page;
        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, goal, url, maxSteps: 25, interpreter: new FixedGoalInterpreter(Readings));
        output.WriteLine(sink.Describe());
        output.WriteLine(result.Reason ?? "");
        return (result, sink);
    }

    /// <summary>The page's state, flattened to the facts the tests compare (derived from window.pageState).</summary>
    private async Task<Dictionary<string, string>> PageStateAsync()
    {
        var json = await fixture.Driver.Page.EvaluateAsync<JsonElement>("""
            () => {
              const s = window.pageState || {};
              const out = {};
              for (const [k, v] of Object.entries(s)) if (v === null || typeof v !== 'object') out[k] = String(v);
              if (Array.isArray(s.items)) {
                out.itemCount = String(s.items.length);
                out.last = s.items.length ? s.items[s.items.length - 1].text : '';
                out.secondDone = String(!!(s.items[1] && s.items[1].done));
                out.doneCount = String(s.items.filter(i => i.done).length);
                out.hasOldShoes = String(s.items.some(i => i.text === 'old shoes'));
              }
              if (Array.isArray(s.liked)) out.liked = s.liked.join(',');
              return out;
            }
            """);
        return json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
