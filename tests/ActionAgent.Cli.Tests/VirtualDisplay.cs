using System.Diagnostics;

namespace ActionAgent.Cli.Tests;

/// <summary>The display for headed-browser tests: $DISPLAY when set (./test starts Xvfb), else an Xvfb started here.</summary>
public sealed class VirtualDisplay : IDisposable
{
    private readonly Process? _xvfb;

    private VirtualDisplay(string display, Process? xvfb)
    {
        _xvfb = xvfb;
        Environment = new Dictionary<string, string?> { ["DISPLAY"] = display };
    }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public static VirtualDisplay Ensure()
    {
        if (System.Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } display) return new VirtualDisplay(display, null);
        var number = $":{120 + Random.Shared.Next(60)}";
        var xvfb = Process.Start(new ProcessStartInfo("Xvfb", $"{number} -screen 0 1280x1024x24 -nolisten tcp") { UseShellExecute = false, RedirectStandardError = true })
                   ?? throw new InvalidOperationException("Xvfb could not start; install the xvfb package or set DISPLAY.");
        // Xvfb creates its socket when ready.
        var socket = $"/tmp/.X11-unix/X{number[1..]}";
        var wait = Stopwatch.StartNew();
        while (!File.Exists(socket) && wait.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
        return new VirtualDisplay(number, xvfb);
    }

    public void Dispose()
    {
        if (_xvfb is { HasExited: false }) _xvfb.Kill();
        _xvfb?.Dispose();
    }
}
