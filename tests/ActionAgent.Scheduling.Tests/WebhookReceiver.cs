using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActionAgent.Scheduling.Tests;

/// <summary>A webhook endpoint on loopback that records the JSON it is sent, refusing the first few posts with 503.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonElement> _received = [];
    private readonly Task _loop;
    private int _refuse;

    private WebhookReceiver(string url, int failFirst)
    {
        Url = url;
        _refuse = failFirst;
        _listener.Prefixes.Add(url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    public static Task<WebhookReceiver> StartAsync(int failFirst)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return Task.FromResult(new WebhookReceiver($"http://127.0.0.1:{port}/hook/", failFirst));
    }

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the webhook received {Received.Count} of {count} posts");
            await Task.Delay(200);
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref _refuse) >= 0)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                lock (_received) _received.Add(JsonDocument.Parse(body).RootElement.Clone());
                context.Response.StatusCode = 204;
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
