using ActionAgent.Planning.Offline;
using Microsoft.Extensions.Time.Testing;

namespace ActionAgent.Planning.Tests.Offline;

public sealed class SlotExtractorTests
{
    // Saturday 28 November 2026.
    private static readonly SlotExtractor Slots = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("fly on 24 December", "2026-12-24")]
    [InlineData("fly on 24th of December 2027", "2027-12-24")]
    [InlineData("fly on December 24", "2026-12-24")]
    [InlineData("fly on Dec 24", "2026-12-24")]
    [InlineData("fly on 3 Dec", "2026-12-03")]
    [InlineData("fly on 12/24/2026", "2026-12-24")]
    [InlineData("fly on 24/12/2026", "2026-12-24")]
    [InlineData("fly on 24.12.2026", "2026-12-24")]
    [InlineData("fly on 2026-12-24", "2026-12-24")]
    [InlineData("fly tomorrow", "2026-11-29")]
    [InlineData("fly today", "2026-11-28")]
    [InlineData("fly the day after tomorrow", "2026-11-30")]
    [InlineData("fly next Friday", "2026-12-04")]
    [InlineData("fly on Saturday", "2026-11-28")]
    [InlineData("fly next Saturday", "2026-12-05")]
    [InlineData("fly in 3 days", "2026-12-01")]
    [InlineData("fly in a week", "2026-12-05")]
    [InlineData("fly on 5 January", "2027-01-05")]
    public void Dates_in_the_forms_people_write_resolve_against_today(string goal, string expected) =>
        Assert.Equal(expected, Slots.Extract(goal).ToDictionary()["date"]);

    [Theory]
    [InlineData("Book a flight from London to Paris on 24 December", "London", "Paris")]
    [InlineData("Book a flight to Paris from London tomorrow", "London", "Paris")]
    [InlineData("cheapest flight London to New York next Friday", "London", "New York")]
    [InlineData("Fly LHR to CDG on Dec 24", "LHR", "CDG")]
    [InlineData("I want to fly from Amsterdam to Rome on 12/24/2026", "Amsterdam", "Rome")]
    [InlineData("Get me from Berlin to Madrid on Friday", "Berlin", "Madrid")]
    public void Origin_and_destination_come_from_from_and_to(string goal, string origin, string destination)
    {
        var slots = Slots.Extract(goal);

        Assert.Equal((origin, destination), (slots.Origin, slots.Destination));
    }

    [Theory]
    [InlineData("book a flight for 2 adults", 2)]
    [InlineData("three passengers from London to Paris", 3)]
    [InlineData("flights for two people", 2)]
    [InlineData("one adult", 1)]
    public void Counts_of_people_are_read(string goal, int adults) => Assert.Equal(adults, Slots.Extract(goal).Adults);

    [Theory]
    [InlineData("the cheapest flight", "cheapest")]
    [InlineData("the lowest fare", "cheapest")]
    [InlineData("the fastest flight", "shortest")]
    [InlineData("the shortest one", "shortest")]
    [InlineData("the earliest departure", "earliest")]
    [InlineData("any flight", null)]
    public void Preferences_are_read(string goal, string? preference) => Assert.Equal(preference, Slots.Extract(goal).Preference);

    [Fact]
    public void Quoted_text_emails_and_names_are_read()
    {
        var slots = Slots.Extract("Register \"Team A\" as Ada Lovelace with ada@example.com");

        Assert.Equal(["Team A"], slots.Quoted);
        Assert.Equal(["ada@example.com"], slots.Emails);
        Assert.Equal(["Ada Lovelace"], slots.Names);
    }
}

public sealed class SlotExtractorPlaceTests
{
    [Fact]
    public void A_goal_that_starts_with_From_still_finds_the_origin()
    {
        var slots = new SlotExtractor(TimeProvider.System).Extract("From Madrid to Amsterdam on Dec 31, the cheapest one");

        Assert.Equal(("Madrid", "Amsterdam"), (slots.Origin, slots.Destination));
    }
}
