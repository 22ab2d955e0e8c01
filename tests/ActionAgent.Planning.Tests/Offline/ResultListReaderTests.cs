using ActionAgent.Core.Observation;
using ActionAgent.Planning.Offline;

namespace ActionAgent.Planning.Tests.Offline;

public sealed class ResultListReaderTests
{
    [Theory]
    [InlineData("€89 per person", 89)]
    [InlineData("EUR 1,234.50", 1234.50)]
    [InlineData("from 45 €", 45)]
    [InlineData("$19.99", 19.99)]
    public void Prices_are_read_in_common_forms(string text, double price) => Assert.Equal((decimal)price, ResultListReader.ParsePrice(text));

    [Theory]
    [InlineData("2h 35m · Direct", 155)]
    [InlineData("1 h 5 min", 65)]
    [InlineData("155 min", 155)]
    [InlineData("3h", 180)]
    public void Durations_are_read_in_common_forms(string text, int minutes) => Assert.Equal(minutes, ResultListReader.ParseDuration(text));

    [Theory]
    [InlineData("12:50 AMS 16:15 LIS", 770)]
    [InlineData("7.45 pm", 1185)]
    [InlineData("06:25", 385)]
    public void Times_are_read_and_an_airport_code_is_not_a_meridiem(string text, int minutes) => Assert.Equal(minutes, ResultListReader.ParseTime(text));

    [Fact]
    public void The_cheapest_shortest_and_earliest_of_a_recorded_results_page_are_found()
    {
        var page = PageModel.From(new UiObservation { Location = "x", SnapshotText = Fixtures.Read("skyfare-09-results.txt") });
        var items = ResultListReader.Read(page);

        Assert.Equal(8, items.Count);
        Assert.Equal(items.Min(i => i.Price), ResultListReader.Choose(items, "cheapest")!.Price);
        Assert.Equal(items.Min(i => i.DurationMinutes), ResultListReader.Choose(items, "shortest")!.DurationMinutes);
        Assert.Equal(items.Min(i => i.DepartureMinutes), ResultListReader.Choose(items, "earliest")!.DepartureMinutes);
        Assert.All(items, i => Assert.StartsWith("Select flight", i.Action.Name, StringComparison.Ordinal));
    }
}
