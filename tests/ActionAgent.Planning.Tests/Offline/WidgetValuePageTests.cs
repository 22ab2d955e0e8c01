using System.Text.Json;
using ActionAgent.Core.Engine;
using ActionAgent.Planning.Tests.Goals;
using Xunit.Abstractions;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// Goals whose values go into widgets that are no plain text box, read by the real goal interpreter and carried out by
/// the action search on small practice pages: an address form with an optional line and a country list, a spin button
/// that only steps with its buttons, a slider, a read-only date field set by its calendar, and an autocomplete whose
/// suggestion must be chosen, a password the form asks for twice, a consent box worded otherwise than the goal ("the
/// terms" for a box about "the house rules"), "only" two boxes of a group, a dropdown drawn without ARIA, a date range whose
/// field names do not say which end they are ("Arrival"/"Departure" beside a filled "Where to?"), a price limit on a
/// slider applied by its button on a list the page only counts, a booking whose only answer is "Table booked", a start time asked for in three lists (hour, minute, AM/PM), a flow of pages behind one "Continue" (the data location is on its second page, the create button on its third), and switches named by their state ("Off") whose label is the text before them. Each page's <c>window.pageState</c> says whether the goal was really reached.
/// </summary>
[Collection("demo sites")]
public sealed class WidgetValuePageTests(DemoSitesFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Goals => new()
    {
        { "address.html", "Enter the delivery address 5 Harbour Road, Galway, H91 2XY, Ireland and continue",
            """{"saved":true,"street":"5 Harbour Road","extra":"","town":"Galway","code":"H91 2XY","country":"Ireland"}""" },
        { "stay.html", "Set the rooms to 3 and save", """{"kept":true,"rooms":"3"}""" },
        { "stay.html", "Set the brightness to 30% and save", """{"kept":true,"brightness":"30"}""" },
        { "stay.html", "Set the arrival day to 14 February 2027 and save", """{"kept":true,"arrival":"2027-02-14"}""" },
        { "assign.html", "Give the task to Nora Berg", """{"owner":"Nora Berg","typedOnly":false}""" },
        { "signup.html", "Sign up for the monthly newsletter as ana@example.net and accept the terms",
            """{"subscribed":true,"email":"ana@example.net","frequency":"Monthly"}""" },
        { "register.html", "Create an account for Ana Lopes with email ana@example.net and password \"River#Stone7\"",
            """{"created":true,"name":"Ana Lopes","email":"ana@example.net","passwordsMatch":true}""" },
        { "pizza.html", "Select only cheese and olives as toppings, then place the order", """{"ordered":true,"toppings":"Cheese,Olives"}""" },
        { "pizza.html", "Choose large as the size and place the order", """{"ordered":true,"size":"Large (35 cm)","toppings":"Mushrooms"}""" },
        { "hotels.html", "Find rooms from 3 March 2027 to 5 March 2027", """{"searched":true,"where":"Galway","from":"2027-03-03","to":"2027-03-05"}""" },
        { "bikes.html", "Show only bikes up to 800 euros", """{"applied":"800"}""" },
        { "dinner.html", "Book a table for 3 at 19:30", """{"booked":true,"people":"3","time":"19:30"}""" },
        { "pizza.html", "Choose the medium size, then place the order", """{"ordered":true,"size":"Medium (30 cm)"}""" },
        { "pizza.html", "Choose the large crust, then place the order", """{"ordered":true,"size":"Large (35 cm)"}""" },
        { "meeting.html", "Set the start time to 7:45 pm and save the meeting", """{"saved":"7:45 PM"}""" },
        { "onboarding.html", "Name the workspace \"Orbit\", choose Dublin as the data location and create the workspace", """{"created":"Orbit in Dublin"}""" },
        { "onboarding.html", "Turn on the dark theme", """{"switches":"dark"}""" },
    };

    [Theory]
    [MemberData(nameof(Goals))]
    public async Task The_value_reaches_the_widget_and_the_engine_sees_every_sub_goals_effect(string page, string goal, string expectedJson)
    {
        var url = fixture.Host("commands").BaseAddress + page;

        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, goal, url, maxSteps: 25, interpreter: GoalReading.Interpreter);

        output.WriteLine(sink.Describe());
        Assert.True(result.FinalState == RunState.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        Assert.All(result.SubGoals, g => Assert.True(g.Achieved, $"{g.Text}: {g.Evidence}"));
        var state = await fixture.Driver.Page.EvaluateAsync<JsonElement>("() => window.pageState");
        foreach (var expected in JsonDocument.Parse(expectedJson).RootElement.EnumerateObject())
        {
            Assert.True(state.TryGetProperty(expected.Name, out var actual), $"no {expected.Name} in {state}");
            Assert.Equal(Flat(expected.Value), Flat(actual));
        }
    }

    private static string Flat(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
