using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Desktop.AtSpi;
using ActionAgent.Desktop.Snapshot;
using ActionAgent.Desktop.X11;

namespace ActionAgent.Desktop;

/// <summary>
/// An <see cref="IUiDriver"/> over a Linux desktop application through AT-SPI2 on D-Bus: it reads the app's windows
/// as the same compact snapshot the browser gives, acts through the element's own interfaces (Action, EditableText,
/// Value, Selection, Component), presses keys through XTest and takes screenshots of the X display.
/// Create it with <see cref="StartAsync"/>; disposing closes an app it launched.
/// </summary>
public sealed partial class AtSpiDriver : IUiDriver
{
    private readonly AtSpiConnection _bus;
    private readonly DesktopApp _app;
    private readonly DesktopOptions _options;
    private DesktopSnapshot? _last;
    private bool _disposed;

    private AtSpiDriver(AtSpiConnection bus, DesktopApp app, DesktopOptions options)
    {
        _bus = bus;
        _app = app;
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "desktop";

    /// <summary>The application's name on the accessibility bus.</summary>
    public string AppName => _app.Name;

    /// <summary>The application's process id.</summary>
    public int ProcessId => _app.ProcessId;

    /// <summary>What a launched app printed on stdout and stderr (null when attached).</summary>
    public ProcessOutput? Output => _app.Output;

    /// <summary>Whether the app is still running.</summary>
    public bool AppIsRunning => _app.IsRunning;

    /// <summary>
    /// Connects to the accessibility bus, launches <see cref="DesktopOptions.Launch"/> (or attaches to
    /// <see cref="DesktopOptions.Attach"/>) and waits, bounded, for its window.
    /// </summary>
    /// <exception cref="DesktopEnvironmentException">No display, no accessibility bus, a bad command, or no window in time.</exception>
    /// <exception cref="AppNotAllowedException">The app is outside <see cref="DesktopOptions.AllowedApps"/>.</exception>
    public static async Task<AtSpiDriver> StartAsync(DesktopOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Launch is null == options.Attach is null) throw new ArgumentException("Give either Launch or Attach.", nameof(options));
        XDisplay.EnsureAvailable(options.Display);
        var bus = await AtSpiConnection.ConnectAsync(options.AccessibilityBusAddress, options.SessionBusAddress, cancellationToken).ConfigureAwait(false);
        try
        {
            var app = options.Launch is not null
                ? await DesktopApp.LaunchAsync(bus, options, cancellationToken).ConfigureAwait(false)
                : await DesktopApp.AttachAsync(bus, options, cancellationToken).ConfigureAwait(false);
            return new AtSpiDriver(bus, app, options);
        }
        catch
        {
            bus.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
        _last = snapshot;
        var screenshot = options.IncludeScreenshot ? await ScreenshotAsync(options.Masked ?? [], cancellationToken).ConfigureAwait(false) : null;
        (int, int)? viewport = null;
        try
        {
            viewport = await XDisplay.SizeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DesktopEnvironmentException)
        {
            // the size is a nicety for the visual locator
        }
        return new UiObservation
        {
            Location = $"desktop:{_app.Name}",
            Title = snapshot.Windows.FirstOrDefault()?.Name ?? "",
            SnapshotText = snapshot.Text,
            Nodes = AriaSnapshotParser.Parse(snapshot.Text),
            Screenshot = screenshot,
            Viewport = viewport,
        };
    }

    /// <summary>Reads the app's windows on the screen and renders them.</summary>
    /// <exception cref="TimeoutException">The app is running but did not answer the accessibility bus, several times over (hung or stopped).</exception>
    internal async Task<DesktopSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        // An app busy building a window (a file chooser on a loaded machine) answers nothing until it is done: its list of
        // windows is asked again, a few times, before the read gives up.
        for (var attempt = 1; ; attempt++)
        {
            if (!_app.IsRunning) return SnapshotRenderer.Render([]);
            Exception failure;
            try
            {
                var windows = await new AtSpiTreeReader(_bus).ReadWindowsAsync(_app.Application, cancellationToken).ConfigureAwait(false);
                return SnapshotRenderer.Render(windows);
            }
            catch (Exception ex) when (ex is Tmds.DBus.Protocol.DBusExceptionBase or TimeoutException)
            {
                failure = ex;
            }
            // The app closed itself while it was read (a dialog app such as zenity, after OK): nothing is on the screen.
            if (await ExitedAsync(cancellationToken).ConfigureAwait(false)) return SnapshotRenderer.Render([]);
            if (failure is not TimeoutException) throw failure;
            if (attempt >= BusyReadAttempts)
            {
                throw new TimeoutException($"{_app.Name} (process {_app.ProcessId}) did not answer the accessibility bus {BusyReadAttempts} times in a row: " +
                    "it is hung, stopped, or busy for longer than a step may wait.", failure);
            }
        }
    }

    /// <summary>Whether a launched app has exited, giving a closing one a moment to be gone.</summary>
    private async Task<bool> ExitedAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 10 && _app.IsRunning; i++) await Task.Delay(TimeSpan.FromMilliseconds(100), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return !_app.IsRunning;
    }

    private const int BusyReadAttempts = 4;

    /// <inheritdoc />
    public async Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(masked);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var boxes = new List<BoundingBox>();
        if (masked.Count > 0)
        {
            var fresh = await ReadAsync(cancellationToken).ConfigureAwait(false);
            foreach (var target in masked.Where(t => !t.IsSemanticOnly))
            {
                var (element, _, _) = DesktopTargetResolver.Resolve(target, fresh, _last);
                if (element?.Box is { } box) boxes.Add(box);
                else if (target.Box is { } recorded) boxes.Add(recorded);
            }
        }
        return await XDisplay.ScreenshotAsync(boxes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes one of the app's windows by its title, through the window's own close action or Alt+F4.</summary>
    public async Task<bool> CloseWindowAsync(string title, CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var window = snapshot.Windows.FirstOrDefault(w => w.Name.Contains(title, StringComparison.OrdinalIgnoreCase));
        if (window is null) return false;
        await XDisplay.FocusWindowAsync(_app.ProcessId, window.Name, cancellationToken).ConfigureAwait(false);
        await XDisplay.KeyAsync("Alt+F4", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Closes an app the driver launched and leaves the accessibility bus.</summary>
    public ValueTask DisposeAsync()
    {
        if (_disposed) return ValueTask.CompletedTask;
        _disposed = true;
        _app.Dispose();
        _bus.Dispose();
        return ValueTask.CompletedTask;
    }
}
