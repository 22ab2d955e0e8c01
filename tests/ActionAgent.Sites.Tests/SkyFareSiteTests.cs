using System.Net;
using ActionAgent.Sites;

namespace ActionAgent.Sites.Tests;

public sealed class SkyFareSiteTests
{
    [Fact]
    public void The_repository_lists_skyfare_among_its_sites()
    {
        var root = SiteCatalog.FindSitesRoot(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.Contains("skyfare", SiteCatalog.List(root));
    }

    [Fact]
    public async Task SkyFare_index_is_served()
    {
        var site = SiteCatalog.Resolve(SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!, "skyfare");
        await using var host = await SiteHost.StartAsync(site);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SkyFare", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("styles.css", "text/css")]
    [InlineData("app.js", "text/javascript")]
    [InlineData("flights.js", "text/javascript")]
    public async Task SkyFare_assets_are_served_with_their_content_types(string file, string mediaType)
    {
        var site = SiteCatalog.Resolve(SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!, "skyfare");
        await using var host = await SiteHost.StartAsync(site);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.GetAsync(new Uri(file, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
