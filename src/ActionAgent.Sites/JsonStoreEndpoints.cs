using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActionAgent.Sites;

/// <summary>Maps the generic JSON store onto <c>/api/{collection}</c>; it knows no particular site.</summary>
internal static partial class JsonStoreEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Readable output ("Václav", "+"); the API serves application/json, never HTML, so no HTML escaping is needed.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapJsonStore(this IEndpointRouteBuilder app, JsonDocumentStore store)
    {
        app.MapMethods("/api/{collection}", [HttpMethods.Post], (HttpContext http) => PostAsync(http, store));
        app.MapMethods("/api/{collection}", [HttpMethods.Get], (HttpContext http) => ListAsync(http, store));
        app.MapMethods("/api/{collection}", [HttpMethods.Delete], (HttpContext http) => ClearAsync(http, store));
        app.MapMethods("/api/{collection}/{id}", [HttpMethods.Get], (HttpContext http) => GetAsync(http, store));
    }

    private static async Task PostAsync(HttpContext http, JsonDocumentStore store)
    {
        if (!TryCollection(http, out var collection))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "The collection name must be 1-64 letters, digits, '-' or '_'.").ConfigureAwait(false);
            return;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "The body is larger than 1 MiB.").ConfigureAwait(false);
            return;
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}").ConfigureAwait(false);
            return;
        }

        if (body is not JsonObject item)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "The body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        var stored = store.Add(collection, item);
        http.Response.Headers.Location = $"/api/{collection}/{stored["id"]}";
        await WriteJsonAsync(http, StatusCodes.Status201Created, stored).ConfigureAwait(false);
    }

    private static Task ListAsync(HttpContext http, JsonDocumentStore store)
    {
        if (!TryCollection(http, out var collection))
        {
            return ProblemAsync(http, StatusCodes.Status400BadRequest, "Unknown collection name.");
        }

        var array = new JsonArray([.. store.List(collection)]);
        return WriteJsonAsync(http, StatusCodes.Status200OK, array);
    }

    private static Task GetAsync(HttpContext http, JsonDocumentStore store)
    {
        var id = http.Request.RouteValues["id"] as string ?? "";
        var found = TryCollection(http, out var collection) ? store.Find(collection, id) : null;
        return found is null
            ? ProblemAsync(http, StatusCodes.Status404NotFound, $"No item '{id}' in '{collection}'.")
            : WriteJsonAsync(http, StatusCodes.Status200OK, found);
    }

    private static Task ClearAsync(HttpContext http, JsonDocumentStore store)
    {
        if (TryCollection(http, out var collection))
        {
            store.Clear(collection);
        }

        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static bool TryCollection(HttpContext http, out string collection)
    {
        collection = http.Request.RouteValues["collection"] as string ?? "";
        return CollectionName().IsMatch(collection);
    }

    private static Task ProblemAsync(HttpContext http, int status, string detail) =>
        WriteJsonAsync(http, status, new JsonObject { ["status"] = status, ["error"] = detail });

    private static async Task WriteJsonAsync(HttpContext http, int status, JsonNode node)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(node.ToJsonString(Indented), http.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CollectionName();
}
