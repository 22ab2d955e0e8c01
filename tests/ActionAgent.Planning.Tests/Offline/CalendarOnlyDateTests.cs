using System.Net.Http.Json;
using System.Text.Json;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// A date field that refuses typing (SkyFare's <c>?variant=calendar</c>, as many sites do): the planner notices the
/// read-only field, opens the calendar, turns to the month and clicks the day — with no site-specific code.
/// </summary>
[Collection("demo sites")]
public sealed class CalendarOnlyDateTests(DemoSitesFixture fixture)
{
    [Fact]
    public async Task A_read_only_date_field_is_set_by_choosing_the_day_on_its_calendar()
    {
        var host = fixture.Host("skyfare");
        await fixture.Driver.Page.GotoAsync(host.BaseAddress + "?today=2026-11-28");
        await fixture.Driver.Page.EvaluateAsync("() => { localStorage.clear(); sessionStorage.clear(); }");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var before = (await http.GetFromJsonAsync<JsonElement[]>("api/bookings"))!.Length;

        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, "Book the cheapest one-way flight from London to Paris on 24 December",
            host.BaseAddress + "?today=2026-11-28&variant=calendar",
            new Dictionary<string, string>
            {
                ["passenger.first_name"] = "Ada", ["passenger.last_name"] = "Lovelace", ["passenger.email"] = "ada@example.com",
                ["card.name"] = "Ada Lovelace", ["card.expiry"] = "12/29",
            },
            new Dictionary<string, string> { ["card_number"] = "4242424242424242", ["card_cvc"] = "123" },
            [new Expectation { Text = "Booking confirmed" }]);

        Assert.True(result.FinalState == RunState.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        Assert.Contains(result.Steps, s => s.Action == "click" && s.Target?.Name == "24 December 2026");
        var bookings = (await http.GetFromJsonAsync<JsonElement[]>("api/bookings"))!;
        Assert.Equal(before + 1, bookings.Length);
        Assert.Equal("2026-12-24", bookings[^1].GetProperty("date").GetString());
    }
}
