using System.Net;
using ActionAgent.Sites;

namespace ActionAgent.Sites.Tests;

/// <summary>The second airline (JetWay) and the command practice pages are found and served (HTTP only).</summary>
public sealed class DemoSitesTests
{
    private static string Site(string name) => SiteCatalog.Resolve(SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!, name);

    [Theory]
    [InlineData("jetway")]
    [InlineData("commands")]
    [InlineData("gym")]
    public void The_repository_lists_the_site(string name)
    {
        Assert.Contains(name, SiteCatalog.List(SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!));
    }

    [Theory]
    [InlineData("jetway", "/", "JetWay")]
    [InlineData("jetway", "/", "Find flights")]
    [InlineData("jetway", "/flights.js", "generateFlights")]
    [InlineData("commands", "/", "Command practice pages")]
    [InlineData("commands", "/labels.html", "I agree to the terms")]
    [InlineData("commands", "/icons.html", "Delete item")]
    [InlineData("commands", "/shadow.html", "attachShadow")]
    [InlineData("commands", "/frame.html", "frame-form.html")]
    [InlineData("commands", "/frame-form.html", "Subscribe")]
    [InlineData("commands", "/keys.html", "Load more")]
    [InlineData("gym", "/", "Practice gym")]
    [InlineData("gym", "/task.html?id=todo-add&seed=2", "gym.js")]
    [InlineData("gym", "/tasks.json", "\"todo-add\"")]
    public async Task The_page_is_served(string name, string path, string expectedText)
    {
        await using var host = await SiteHost.StartAsync(Site(name));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expectedText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
