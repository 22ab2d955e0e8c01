using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.TestSupport;

/// <summary>
/// A loopback server that speaks OpenAI chat completions (<c>POST /v1/chat/completions</c>) from a script: queued
/// replies first, then an optional policy that reads the request and answers it. Every request body is kept.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<ChatRequest, ScriptedReply>> _script = new();

    private ScriptedChatServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The base URL to configure (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    /// <summary>Answers requests once the queue is empty.</summary>
    public Func<ChatRequest, ScriptedReply>? Policy { get; set; }

    /// <summary>Queues replies.</summary>
    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies) _script.Enqueue(_ => reply);
    }

    /// <summary>Queues a reply made from the request.</summary>
    public void Enqueue(Func<ChatRequest, ScriptedReply> reply) => _script.Enqueue(reply);

    /// <summary>Starts a server that answers every request with the assistant message <paramref name="answer"/>.</summary>
    public static async Task<ScriptedChatServer> StartAsync(string answer)
    {
        var server = await StartAsync();
        server.Policy = _ => ScriptedReply.Text(answer);
        return server;
    }

    public static async Task<ScriptedChatServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        var app = builder.Build();
        ScriptedChatServer? server = null;
        app.Run(async http =>
        {
            if (http.Request.Method != "POST" || http.Request.Path != "/v1/chat/completions")
            {
                http.Response.StatusCode = 404;
                return;
            }
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var request = new ChatRequest(body, http.Request.Headers.Authorization.ToString());
            server!.Requests.Enqueue(request);
            var reply = server._script.TryDequeue(out var next) ? next(request)
                : server.Policy?.Invoke(request) ?? ScriptedReply.Text("(the script has run out)");
            http.Response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } after) http.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        server = new ScriptedChatServer(app, new Uri($"http://127.0.0.1:{port}/v1"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request as the server saw it.</summary>
public sealed record ChatRequest(string Body, string Authorization)
{
    private JsonDocument? _json;

    public JsonElement Json => (_json ??= JsonDocument.Parse(Body)).RootElement;

    /// <summary>The messages' text contents, in order, with their roles.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json.GetProperty("messages").EnumerateArray().Select(m => (
            m.GetProperty("role").GetString() ?? "",
            m.TryGetProperty("content", out var c) ? ContentText(c) : ""))];

    /// <summary>The names of the tools the request offers.</summary>
    public IReadOnlyList<string> ToolNames =>
        Json.TryGetProperty("tools", out var tools)
            ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString() ?? "")]
            : [];

    /// <summary>The first user message: goal, history and screen.</summary>
    public string Prompt => Messages.First(m => m.Role == "user").Content;

    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
        _ => "",
    };
}
