using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ActionAgent.Scheduling.Tests;

/// <summary>
/// A remote browser on loopback: the Playwright driver that ships with the Playwright package, in <c>run-server</c>
/// mode. It launches a Chromium for each connecting client; <c>--unsafe</c> lets the endpoint URL name the machine's
/// Chromium (Playwright's own browser download is not used in this project).
/// </summary>
internal sealed class PlaywrightRunServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PlaywrightRunServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static async Task<PlaywrightRunServer> StartAsync(string chromium)
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(driver, "node", "linux-x64", "node"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(driver, "package", "cli.js"), "run-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--unsafe" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DEBUG"] = "pw:server";
        var process = Process.Start(info)!;
        var launch = JsonSerializer.Serialize(new { executablePath = chromium, args = new[] { "--no-sandbox", "--disable-gpu" }, headless = true });
        var server = new PlaywrightRunServer(process, new Uri($"ws://127.0.0.1:{port}/?browser=chromium&launch-options={Uri.EscapeDataString(launch)}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!server.Log.Contains("Listening on", StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("run-server did not start:\n" + server.Log);
            await Task.Delay(200);
        }
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
