using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ActionAgent.Sites;

namespace ActionAgent.Sites.Tests;

public sealed class SiteHostTests : IAsyncLifetime, IDisposable
{
    private readonly string _siteDirectory = Directory.CreateTempSubdirectory("aa-site-").FullName;
    private SiteHost? _host;
    private HttpClient? _http;

    private SiteHost Host => _host ?? throw new InvalidOperationException("Host not started.");

    private HttpClient Http => _http ?? throw new InvalidOperationException("Host not started.");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_siteDirectory, "index.html"), "<!doctype html><title>Test site</title><h1>Hello</h1>");
        await File.WriteAllTextAsync(Path.Combine(_siteDirectory, "app.js"), "console.log('hi');");
        _host = await SiteHost.StartAsync(_siteDirectory);
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_siteDirectory, recursive: true);

    [Fact]
    public void Host_binds_to_loopback_on_a_free_port()
    {
        Assert.Equal("127.0.0.1", Host.BaseAddress.Host);
        Assert.NotEqual(0, Host.BaseAddress.Port);
    }

    [Fact]
    public async Task Root_serves_index_html_as_html()
    {
        using var response = await Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Hello</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_is_served_with_a_javascript_content_type()
    {
        using var response = await Http.GetAsync(new Uri("app.js", UriKind.Relative));

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missing_file_is_404()
    {
        using var response = await Http.GetAsync(new Uri("nope.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_stores_the_object_with_an_id_and_createdAt_and_returns_201()
    {
        using var response = await Http.PostAsJsonAsync(new Uri("api/orders", UriKind.Relative), new { item = "tea", count = 2 });
        var stored = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^[A-Z0-9]{6}$", stored!["id"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(stored["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("tea", stored["item"]!.GetValue<string>());
        Assert.Equal(2, stored["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_lists_the_stored_objects_in_order()
    {
        (await Http.PostAsJsonAsync(new Uri("api/orders", UriKind.Relative), new { n = 1 })).Dispose();
        (await Http.PostAsJsonAsync(new Uri("api/orders", UriKind.Relative), new { n = 2 })).Dispose();

        var list = await Http.GetFromJsonAsync<JsonArray>(new Uri("api/orders", UriKind.Relative));

        Assert.Equal([1, 2], list!.Select(o => o!["n"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Get_by_id_returns_the_stored_object()
    {
        using var posted = await Http.PostAsJsonAsync(new Uri("api/orders", UriKind.Relative), new { item = "coffee" });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var found = await Http.GetFromJsonAsync<JsonObject>(new Uri($"api/orders/{id}", UriKind.Relative));

        Assert.Equal("coffee", found!["item"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_by_unknown_id_is_404()
    {
        using var response = await Http.GetAsync(new Uri("api/orders/ZZZZZZ", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_clears_the_collection()
    {
        (await Http.PostAsJsonAsync(new Uri("api/orders", UriKind.Relative), new { n = 1 })).Dispose();

        using var deleted = await Http.DeleteAsync(new Uri("api/orders", UriKind.Relative));
        var list = await Http.GetFromJsonAsync<JsonArray>(new Uri("api/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(list!);
    }

    [Fact]
    public async Task Post_of_a_non_object_is_400()
    {
        using var content = new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri("api/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_posts_all_get_distinct_ids()
    {
        var posts = Enumerable.Range(0, 50).Select(async n =>
        {
            using var response = await Http.PostAsJsonAsync(new Uri("api/many", UriKind.Relative), new { n });
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        });

        var ids = await Task.WhenAll(posts);

        Assert.Equal(50, ids.Distinct().Count());
        Assert.Equal(50, Host.Store.List("many").Count);
    }
}
