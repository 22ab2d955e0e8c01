using System.Text.Json;
using ActionAgent.Core.Engine;
using Xunit.Abstractions;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// Plain-command goals carried out by the offline planner on the command practice pages (labels made five ways,
/// icon buttons with titles, a switch, a custom dropdown, nested shadow DOM, an iframe, Enter to search, a button
/// below the fold), checked through each page's <c>window.pageState</c>.
/// </summary>
[Collection("demo sites")]
public sealed class PlainCommandPageTests(DemoSitesFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Goals => new()
    {
        { "labels.html", "type \"Ada\" into the name field and check \"I agree\", then click Submit", """{"name":"Ada","agree":true,"submitted":true}""" },
        { "labels.html", "enter ada@example.com into Email, select France from Country and click Submit", """{"email":"ada@example.com","country":"France","submitted":true}""" },
        { "labels.html", "type 020 7946 0000 into the phone number field, type Analytical Engines into Company, then press Submit", """{"phone":"020 7946 0000","company":"Analytical Engines","submitted":true}""" },
        { "labels.html", "type Paris into City, check Pro, check Subscribe to the newsletter and click Submit", """{"city":"Paris","plan":"Pro","newsletter":true,"submitted":true}""" },
        { "icons.html", "click Add to favourites and then click Delete item", """{"favourite":true,"deleted":true}""" },
        { "icons.html", "check Dark mode", """{"darkMode":true}""" },
        { "icons.html", "select \"Name A–Z\" from the sort list", """{"sortOrder":"Name A–Z"}""" },
        { "shadow.html", "type SAVE10 into Promo code and click Apply", """{"applied":true,"discountPercent":10}""" },
        { "frame.html", "type ada@example.com into Email address, check Send me offers and click Subscribe", """{"email":"ada@example.com","offers":true,"subscribed":true}""" },
        { "keys.html", "type adapter into Search products and press Enter", """{"query":"adapter","resultCount":5}""" },
        { "keys.html", "scroll to Load more and click Load more", """{"loadMoreClicks":1}""" },
    };

    [Theory]
    [MemberData(nameof(Goals))]
    public async Task Plain_commands_change_the_page_as_asked(string page, string goal, string expectedJson)
    {
        var url = fixture.Host("commands").BaseAddress + page;

        var (result, sink) = await OfflineRun.RunAsync(fixture.Driver, goal, url, maxSteps: 20);

        output.WriteLine(sink.Describe());
        Assert.True(result.FinalState == RunState.Succeeded, $"{result.Reason}\n{sink.Describe()}");
        var state = await fixture.Driver.Page.EvaluateAsync<JsonElement>("() => window.pageState");
        foreach (var expected in JsonDocument.Parse(expectedJson).RootElement.EnumerateObject())
        {
            Assert.True(state.TryGetProperty(expected.Name, out var actual), $"pageState has no {expected.Name}: {state}");
            Assert.Equal(expected.Value.ToString(), actual.ToString());
        }
    }
}
