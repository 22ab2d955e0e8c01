namespace ActionAgent.Planning.Tests.Goals;

/// <summary>The phrasings of the booking table (BookingPhrasingTests): route, date and count values with their labels, an implied search, then the pick by the preference.</summary>
public sealed class BookingGoalTests
{
    [Theory]
    [InlineData("Book the cheapest one-way flight from London to Paris on 24 December",
        "EnterText 'from' [Text:London@from] => ValueSet(London)",
        "EnterText 'to' [Text:Paris@to] => ValueSet(Paris)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "Submit* 'search' => Navigated",
        "Pick 'one-way flight' q(cheapest) => Selected")]
    [InlineData("Fly from Berlin to Madrid tomorrow, earliest departure please",
        "EnterText 'from' [Text:Berlin@from] => ValueSet(Berlin)",
        "EnterText 'to' [Text:Madrid@to] => ValueSet(Madrid)",
        "EnterText 'date' [Date:2026-11-29@date] => ValueSet(2026-11-29)",
        "Submit* 'search' => Navigated",
        "Pick 'departure' q(earliest) => Selected")]
    [InlineData("I need the earliest flight to Lisbon from Amsterdam on 12/24/2026",
        "EnterText 'to' [Text:Lisbon@to] => ValueSet(Lisbon)",
        "EnterText 'from' [Text:Amsterdam@from] => ValueSet(Amsterdam)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(earliest) => Selected")]
    [InlineData("Find the cheapest flight from Dublin to Vienna next Friday for 2 adults",
        "EnterText 'from' [Text:Dublin@from] => ValueSet(Dublin)",
        "EnterText 'to' [Text:Vienna@to] => ValueSet(Vienna)",
        "EnterText 'date' [Date:2026-12-04@date] => ValueSet(2026-12-04)",
        "EnterText 'adults' [Number:2@adults] => ValueSet(2)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(cheapest) => Selected")]
    [InlineData("Cheapest flight LHR to CDG on 2026-12-20",
        "EnterText 'from' [Text:LHR@from] => ValueSet(LHR)",
        "EnterText 'to' [Text:CDG@to] => ValueSet(CDG)",
        "EnterText 'date' [Date:2026-12-20@date] => ValueSet(2026-12-20)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(cheapest) => Selected")]
    [InlineData("Book a flight from Oslo to Barcelona on 5 January for three passengers",
        "EnterText 'from' [Text:Oslo@from] => ValueSet(Oslo)",
        "EnterText 'to' [Text:Barcelona@to] => ValueSet(Barcelona)",
        "EnterText 'date' [Date:2027-01-05@date] => ValueSet(2027-01-05)",
        "EnterText 'passengers' [Number:3@passengers] => ValueSet(3)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' => Selected")]
    [InlineData("From Madrid to Amsterdam on Dec 31, the cheapest one",
        "EnterText 'from' [Text:Madrid@from] => ValueSet(Madrid)",
        "EnterText 'to' [Text:Amsterdam@to] => ValueSet(Amsterdam)",
        "EnterText 'date' [Date:2026-12-31@date] => ValueSet(2026-12-31)",
        "Submit* 'search' => Navigated",
        "Pick '' q(cheapest) => Selected")]
    [InlineData("Shortest flight from Rome to London on the 24th of December",
        "EnterText 'from' [Text:Rome@from] => ValueSet(Rome)",
        "EnterText 'to' [Text:London@to] => ValueSet(London)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(shortest) => Selected")]
    [InlineData("Book the fastest flight from Munich to Copenhagen next Saturday for 2 adults",
        "EnterText 'from' [Text:Munich@from] => ValueSet(Munich)",
        "EnterText 'to' [Text:Copenhagen@to] => ValueSet(Copenhagen)",
        "EnterText 'date' [Date:2026-12-05@date] => ValueSet(2026-12-05)",
        "EnterText 'adults' [Number:2@adults] => ValueSet(2)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(shortest) => Selected")]
    [InlineData("Get me the cheapest ticket from Zurich to Brussels in 3 days",
        "EnterText 'from' [Text:Zurich@from] => ValueSet(Zurich)",
        "EnterText 'to' [Text:Brussels@to] => ValueSet(Brussels)",
        "EnterText 'date' [Date:2026-12-01@date] => ValueSet(2026-12-01)",
        "Submit* 'search' => Navigated",
        "Pick 'ticket' q(cheapest) => Selected")]
    [InlineData("Earliest flight Prague to Milan on 24.12.2026",
        "EnterText 'from' [Text:Prague@from] => ValueSet(Prague)",
        "EnterText 'to' [Text:Milan@to] => ValueSet(Milan)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(earliest) => Selected")]
    [InlineData("Book a one-way flight to New York from London on December 24 for 2 adults, lowest price",
        "EnterText 'to' [Text:New York@to] => ValueSet(New York)",
        "EnterText 'from' [Text:London@from] => ValueSet(London)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "EnterText 'adults' [Number:2@adults] => ValueSet(2)",
        "Submit* 'search' => Navigated",
        "Pick 'one-way flight' q(cheapest) => Selected")]
    [InlineData("Book the shortest flight from Paris to Rome on Dec 24",
        "EnterText 'from' [Text:Paris@from] => ValueSet(Paris)",
        "EnterText 'to' [Text:Rome@to] => ValueSet(Rome)",
        "EnterText 'date' [Date:2026-12-24@date] => ValueSet(2026-12-24)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(shortest) => Selected")]
    public Task A_booking_phrasing_fills_the_search_then_picks_by_the_preference(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
