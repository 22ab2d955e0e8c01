using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActionAgent.Desktop.Tests;

/// <summary>
/// A desktop session of the tests' own: the X display ($DISPLAY when set, as ./test sets it, else an Xvfb started
/// here), a private D-Bus session bus (dbus-launch) and the AT-SPI bus launcher on it. A private bus keeps
/// single-instance apps (Mousepad) from handing their window to another session's copy. The variables are set on
/// this process, so the driver and the apps it launches use them.
/// </summary>
public sealed partial class DesktopSession : IDisposable
{
    private readonly List<Process> _started = [];
    private readonly int? _dbusPid;

    public DesktopSession()
    {
        if (System.Environment.GetEnvironmentVariable("DISPLAY") is not { Length: > 0 })
        {
            // A display no X server holds or left behind: an Xvfb that was killed leaves its socket file, and the wait for
            // that file below would pass at once while the new server is not yet listening ("cannot open display").
            var free = Enumerable.Range(140, 50).Where(n => !File.Exists($"/tmp/.X{n}-lock") && !File.Exists($"/tmp/.X11-unix/X{n}")).ToList();
            var display = $":{(free.Count > 0 ? free[Random.Shared.Next(free.Count)] : 140 + Random.Shared.Next(50))}";
            _started.Add(Start("Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"));
            var socket = $"/tmp/.X11-unix/X{display[1..]}";
            var wait = Stopwatch.StartNew();
            while (!File.Exists(socket) && wait.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
            System.Environment.SetEnvironmentVariable("DISPLAY", display);
        }
        var launch = Run("dbus-launch", "--sh-syntax");
        var address = AddressPattern().Match(launch).Groups[1].Value;
        if (PidPattern().Match(launch) is { Success: true } pid) _dbusPid = int.Parse(pid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        System.Environment.SetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS", address);
        System.Environment.SetEnvironmentVariable("AT_SPI_BUS_ADDRESS", null);
        System.Environment.SetEnvironmentVariable("NO_AT_BRIDGE", null);
        System.Environment.SetEnvironmentVariable("GTK_A11Y", null);
        // Settings in memory: an app the tests killed with unsaved work (Mousepad) would otherwise open the next test
        // with a "restore the previous session?" question instead of its window.
        System.Environment.SetEnvironmentVariable("GSETTINGS_BACKEND", "memory");
        _started.Add(Start("/usr/libexec/at-spi-bus-launcher", "--launch-immediately"));
        // The launcher owns org.a11y.Bus once it is up; apps find the accessibility bus through it.
        var ready = Stopwatch.StartNew();
        while (ready.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                var reply = Run("dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress");
                if (reply.Contains("unix:", StringComparison.Ordinal)) break;
            }
            catch (InvalidOperationException)
            {
                // not yet
            }
            Thread.Sleep(100);
        }
        Environment = new Dictionary<string, string?>
        {
            ["DISPLAY"] = System.Environment.GetEnvironmentVariable("DISPLAY"),
            ["DBUS_SESSION_BUS_ADDRESS"] = address,
            ["GSETTINGS_BACKEND"] = "memory",
        };
    }

    /// <summary>The variables a child process (the agent CLI) needs to reach this session.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary><paramref name="options"/> pointed at this session (the driver reads no environment variable itself).</summary>
    public DesktopOptions In(DesktopOptions options) =>
        options with { Display = Environment["DISPLAY"], SessionBusAddress = Environment["DBUS_SESSION_BUS_ADDRESS"] };

    private static Process Start(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(10_000);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    public void Dispose()
    {
        foreach (var process in Enumerable.Reverse(_started))
        {
            try
            {
                // SIGTERM first: Xvfb then removes its lock and socket files, which SIGKILL leaves behind.
                if (!process.HasExited) Run("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!process.WaitForExit(2000)) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            process.Dispose();
        }
        if (_dbusPid is { } pid)
        {
            try
            {
                using var dbus = Process.GetProcessById(pid);
                dbus.Kill();
            }
            catch (ArgumentException)
            {
            }
        }
    }

    [GeneratedRegex("DBUS_SESSION_BUS_ADDRESS='([^']*)'")]
    private static partial Regex AddressPattern();

    [GeneratedRegex("DBUS_SESSION_BUS_PID=([0-9]+)")]
    private static partial Regex PidPattern();
}
