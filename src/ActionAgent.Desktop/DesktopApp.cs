using System.ComponentModel;
using System.Diagnostics;
using ActionAgent.Desktop.AtSpi;

namespace ActionAgent.Desktop;

/// <summary>
/// The application the driver works on: launched (and closed again at the end) or attached to by name, found on the
/// accessibility bus by its process id (or name), with its windows. A dialog it opens is another window of the same app.
/// </summary>
internal sealed class DesktopApp : IDisposable
{
    private readonly Process? _process;

    private DesktopApp(AccessibleRef application, string name, int processId, Process? process)
    {
        Application = application;
        Name = name;
        ProcessId = processId;
        _process = process;
    }

    public AccessibleRef Application { get; }

    public string Name { get; }

    public int ProcessId { get; }

    /// <summary>Whether the driver started the app (and so closes it).</summary>
    public bool Launched => _process is not null;

    public static async Task<DesktopApp> LaunchAsync(AtSpiConnection bus, DesktopOptions options, CancellationToken cancellationToken)
    {
        var words = CommandLineSplitter.Split(options.Launch!);
        if (words.Count == 0) throw new DesktopEnvironmentException("The launch command is empty.");
        var program = words[0];
        if (!AppAllowList.Allows(options.AllowedApps, program))
        {
            throw new AppNotAllowedException(program, options.AllowedApps);
        }
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in words.Skip(1)) info.ArgumentList.Add(argument);
        if (options.WorkingDirectory is not null) info.WorkingDirectory = options.WorkingDirectory;
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new DesktopEnvironmentException($"\"{program}\" did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new DesktopEnvironmentException($"Cannot launch \"{options.Launch}\": {ex.Message} (is \"{program}\" installed and on PATH?).", ex);
        }
        var output = new ProcessOutput(process);
        try
        {
            var app = await WaitForWindowAsync(bus, options, process.Id, Path.GetFileName(program), process, output, cancellationToken).ConfigureAwait(false);
            return new DesktopApp(app.Ref, app.Name, process.Id, process) { Output = output };
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public static async Task<DesktopApp> AttachAsync(AtSpiConnection bus, DesktopOptions options, CancellationToken cancellationToken)
    {
        var name = options.Attach!;
        if (!AppAllowList.Allows(options.AllowedApps, name)) throw new AppNotAllowedException(name, options.AllowedApps);
        var app = await WaitForWindowAsync(bus, options, null, name, null, null, cancellationToken).ConfigureAwait(false);
        return new DesktopApp(app.Ref, app.Name, app.ProcessId, null);
    }

    /// <summary>What a launched app printed (zenity prints the form's answers), once it has exited.</summary>
    public ProcessOutput? Output { get; private init; }

    private static async Task<(AccessibleRef Ref, string Name, int ProcessId)> WaitForWindowAsync(AtSpiConnection bus, DesktopOptions options,
        int? processId, string name, Process? process, ProcessOutput? output, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var start = time.GetTimestamp();
        var seenApp = false;
        string? registryError = null;
        while (true)
        {
            AccessibleRef[] apps;
            try
            {
                apps = await bus.GetChildrenAsync(AtSpiConnection.Desktop, cancellationToken).ConfigureAwait(false);
                registryError = null;
            }
            catch (Exception ex) when (ex is Tmds.DBus.Protocol.DBusExceptionBase or TimeoutException)
            {
                // The registry is busy (a loaded machine) or lost an app while listing: asked again until the wait ends.
                apps = [];
                registryError = ex.Message;
            }
            foreach (var app in apps)
            {
                var (matches, appName, pid) = await MatchesAsync(bus, app, processId, name, cancellationToken).ConfigureAwait(false);
                if (!matches) continue;
                seenApp = true;
                if (await HasWindowAsync(bus, app, options.Window, cancellationToken).ConfigureAwait(false)) return (app, appName, pid);
            }
            if (process is { HasExited: true })
            {
                await output!.CompleteAsync().ConfigureAwait(false);
                var said = output.Error.Trim();
                throw new DesktopEnvironmentException($"\"{options.Launch}\" exited with code {process.ExitCode} before it showed a window{(said.Length > 0 ? $": {Excerpt(said)}" : ".")}");
            }
            if (time.GetElapsedTime(start) >= options.WindowTimeout)
            {
                var what = options.Window is null ? "a window" : $"a window titled \"{options.Window}\"";
                var seen = seenApp ? "it is on the accessibility bus but has no such window"
                    : registryError is not null ? $"the accessibility registry did not answer the list of applications ({registryError})"
                    : "it never appeared on the accessibility bus (does it use a toolkit with AT-SPI support?)";
                var app = process is null ? $"No running application named \"{name}\"" : $"\"{options.Launch}\"";
                throw new DesktopEnvironmentException($"{app} did not show {what} within {options.WindowTimeout.TotalSeconds:0}s: {seen}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(bool, string, int)> MatchesAsync(AtSpiConnection bus, AccessibleRef app, int? processId, string name, CancellationToken cancellationToken)
    {
        try
        {
            var pid = (int)await bus.GetProcessIdAsync(app.BusName, cancellationToken).ConfigureAwait(false);
            var appName = await bus.GetNameAsync(app, cancellationToken).ConfigureAwait(false);
            if (processId is { } wanted) return (pid == wanted, appName, pid);
            var comm = ReadProcessName(pid);
            return (string.Equals(appName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(comm, name, StringComparison.OrdinalIgnoreCase), appName, pid);
        }
        catch (Exception ex) when (ex is Tmds.DBus.Protocol.DBusExceptionBase or TimeoutException)
        {
            return (false, "", 0); // an app that went away while the list was read
        }
    }

    private static string? ReadProcessName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<bool> HasWindowAsync(AtSpiConnection bus, AccessibleRef app, string? title, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var window in await bus.GetChildrenAsync(app, cancellationToken).ConfigureAwait(false))
            {
                var states = await bus.GetStateAsync(window, cancellationToken).ConfigureAwait(false);
                if (!states.IsShowing) continue;
                if (title is null) return true;
                var name = await bus.GetNameAsync(window, cancellationToken).ConfigureAwait(false);
                if (name.Contains(title, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        catch (Exception ex) when (ex is Tmds.DBus.Protocol.DBusExceptionBase or TimeoutException)
        {
            // not ready yet
        }
        return false;
    }

    /// <summary>Whether a launched app is still running (an attached one is taken to be).</summary>
    public bool IsRunning => _process is null || !_process.HasExited;

    /// <summary>Closes a launched app (its process, and what it started); an attached app is left alone.</summary>
    public void Dispose()
    {
        if (_process is null) return;
        Stop(_process);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // it exited meanwhile
        }
    }

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
