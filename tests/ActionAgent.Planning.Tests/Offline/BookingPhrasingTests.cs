using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Scenarios;
using Xunit.Abstractions;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// Goal phrasings booked end to end on both demo airlines (SkyFare: autocomplete comboboxes, a date textbox, a list
/// of result cards; JetWay: custom dropdown buttons, day/month/year selects, a results table, other wording) by the offline planner through the real engine and browser, checked
/// through each site's booking API: route, date, adults, and that the flight is the one the preference asks for among
/// all flights of that search (recomputed with the site's own flight generator in the page). With no preference the
/// first listed flight is booked (SkyFare lists by "recommended", JetWay by departure time).
/// A city with two airports ("London", "Paris") means the first airport the site lists for it: SkyFare lists
/// Heathrow then Gatwick (London → LHR), JetWay lists alphabetically (London → LGW); Paris is CDG on both.
/// </summary>
[Collection("demo sites")]
public sealed class BookingPhrasingTests(DemoSitesFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string, string, string, string, int, string?> Phrasings
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string, int, string?>();
            foreach (var site in new[] { "skyfare", "jetway" })
            {
                foreach (var (goal, origin, destination, date, adults, preference) in Goals)
                {
                    string Code(string code) => site == "jetway" && code == "LHR" && goal.Contains("London", StringComparison.Ordinal) ? "LGW" : code;
                    data.Add(site, goal, Code(origin), Code(destination), date, adults, preference);
                }
            }
            return data;
        }
    }

    private static readonly (string Goal, string Origin, string Destination, string Date, int Adults, string? Preference)[] Goals =
    [
        ("Book the cheapest one-way flight from London to Paris on 24 December", "LHR", "CDG", "2026-12-24", 1, "cheapest"),
        ("Book the shortest flight from Paris to Rome on Dec 24", "CDG", "FCO", "2026-12-24", 1, "shortest"),
        ("Fly from Berlin to Madrid tomorrow, earliest departure please", "BER", "MAD", "2026-11-29", 1, "earliest"),
        ("I need the earliest flight to Lisbon from Amsterdam on 12/24/2026", "AMS", "LIS", "2026-12-24", 1, "earliest"),
        ("Find the cheapest flight from Dublin to Vienna next Friday for 2 adults", "DUB", "VIE", "2026-12-04", 2, "cheapest"),
        ("Cheapest flight LHR to CDG on 2026-12-20", "LHR", "CDG", "2026-12-20", 1, "cheapest"),
        ("Book a flight from Oslo to Barcelona on 5 January for three passengers", "OSL", "BCN", "2027-01-05", 3, null),
        ("Shortest flight from Rome to London on the 24th of December", "FCO", "LHR", "2026-12-24", 1, "shortest"),
        ("Book the fastest flight from Munich to Copenhagen next Saturday for 2 adults", "MUC", "CPH", "2026-12-05", 2, "shortest"),
        ("Get me the cheapest ticket from Zurich to Brussels in 3 days", "ZRH", "BRU", "2026-12-01", 1, "cheapest"),
        ("From Madrid to Amsterdam on Dec 31, the cheapest one", "MAD", "AMS", "2026-12-31", 1, "cheapest"),
        ("Earliest flight Prague to Milan on 24.12.2026", "PRG", "MXP", "2026-12-24", 1, "earliest"),
        ("Book a one-way flight to New York from London on December 24 for 2 adults, lowest price", "LHR", "JFK", "2026-12-24", 2, "cheapest"),
    ];

    [Theory]
    [MemberData(nameof(Phrasings))]
    public async Task The_offline_planner_books_the_flight_the_goal_asks_for(string site, string goal, string origin, string destination, string date, int adults, string? preference)
    {
        var page = fixture.Driver.Page;
        var host = fixture.Host(site);
        await page.GotoAsync(host.BaseAddress + "?today=2026-11-28");
        await page.EvaluateAsync("() => { localStorage.clear(); sessionStorage.clear(); }");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var before = (await http.GetFromJsonAsync<JsonElement[]>("api/bookings"))!.Length;
        var clock = Stopwatch.StartNew();

        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, goal, host.BaseAddress + "?today=2026-11-28",
            Passengers(), new Dictionary<string, string> { ["card_number"] = "4242424242424242", ["card_cvc"] = "123" },
            [new Expectation { Text = site == "skyfare" ? "Booking confirmed" : "Your trip is booked" }]);

        output.WriteLine($"{site}: {goal}: {result.FinalState} in {clock.Elapsed.TotalSeconds:0.0}s, {result.Steps.Count} steps, {result.Replans} replans");
        output.WriteLine(sink.Describe());
        Assert.True(result.FinalState == RunState.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        var bookings = (await http.GetFromJsonAsync<JsonElement[]>("api/bookings"))!;
        Assert.Equal(before + 1, bookings.Length);
        var booking = bookings[^1];
        Assert.Equal((origin, destination, date, adults),
            (booking.GetProperty("origin").GetString(), booking.GetProperty("destination").GetString(), booking.GetProperty("date").GetString(), booking.GetProperty("adults").GetInt32()));

        var generator = site == "skyfare"
            ? "([o, d, t]) => SkyFareFlights.sortFlights(SkyFareFlights.generateFlights(o, d, t, SkyFareAirports), 'recommended')"
            : "([o, d, t]) => JetWayFlights.generateFlights(o, d, t, JetWayAirports).sort((a, b) => a.departureMinutes - b.departureMinutes)";
        var flights = await page.EvaluateAsync<JsonElement>(generator,
            new object[] { origin, destination, date });
        var all = flights.EnumerateArray().ToList();
        var expected = preference switch
        {
            "cheapest" => all.MinBy(f => f.GetProperty("price").GetInt32()),
            "shortest" => all.MinBy(f => f.GetProperty("durationMinutes").GetInt32()),
            "earliest" => all.MinBy(f => f.GetProperty("departureMinutes").GetInt32()),
            _ => all[0], // no preference: the first listed (the site's default order)
        };
        Assert.Equal(expected.GetProperty("flightNumber").GetString(), booking.GetProperty("flightNumber").GetString());
    }

    private static Dictionary<string, string> Passengers() => new()
    {
        ["passengers.0.first_name"] = "Ada", ["passengers.0.last_name"] = "Lovelace", ["passengers.0.email"] = "ada@example.com",
        ["passengers.1.first_name"] = "Charles", ["passengers.1.last_name"] = "Babbage", ["passengers.1.email"] = "charles@example.com",
        ["passengers.2.first_name"] = "Mary", ["passengers.2.last_name"] = "Somerville", ["passengers.2.email"] = "mary@example.com",
        ["card.name"] = "Ada Lovelace", ["card.expiry"] = "12/29",
    };
}
