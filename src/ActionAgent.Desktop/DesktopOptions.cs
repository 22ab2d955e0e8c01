namespace ActionAgent.Desktop;

/// <summary>How the desktop driver reaches its application: launch a command, or attach to a running app by name.</summary>
public sealed record DesktopOptions
{
    /// <summary>The command to launch (<c>mousepad</c>, <c>zenity --forms --add-entry=Name</c>); null to attach.</summary>
    public string? Launch { get; init; }

    /// <summary>The application to attach to, by its accessible name or process name; used when <see cref="Launch"/> is null.</summary>
    public string? Attach { get; init; }

    /// <summary>Text the first window's title must contain before the run starts; null: any window.</summary>
    public string? Window { get; init; }

    /// <summary>Applications the run may launch or touch (executable or application names); empty: only the scenario's own app.</summary>
    public IReadOnlyList<string> AllowedApps { get; init; } = [];

    /// <summary>How long to wait for the app's window.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan WindowTimeout { get; init; } = TimeSpan.FromSeconds(20);

    // The driver never reads the process environment: the host's binder (AgentConfiguration) reads DISPLAY,
    // DBUS_SESSION_BUS_ADDRESS and AT_SPI_BUS_ADDRESS once, and the host passes them here.

    /// <summary>The X display (<c>DISPLAY</c>, such as <c>:99</c>) keys, pointer and screenshots go to.</summary>
    /// <value>The default value is null: no display, so the driver cannot start.</value>
    public string? Display { get; init; }

    /// <summary>The D-Bus session bus address (<c>DBUS_SESSION_BUS_ADDRESS</c>), where the accessibility bus is looked up.</summary>
    /// <value>The default value is null: no session bus, so the driver cannot start unless <see cref="AccessibilityBusAddress"/> is set.</value>
    public string? SessionBusAddress { get; init; }

    /// <summary>The accessibility bus address (<c>AT_SPI_BUS_ADDRESS</c>), when it is given directly.</summary>
    /// <value>The default value is null: asked of the session bus.</value>
    public string? AccessibilityBusAddress { get; init; }

    /// <summary>
    /// How long the driver keeps reading the app after a click, key press, check or choice that left its windows as they
    /// were, for the app's answer to show: an app may answer a moment after the input, off the event that carried it
    /// (gnome-calculator works "=" out on a worker thread and shows the result about 0.35 s later). The step ends at the
    /// first change, so an act the app answers at once pays an extra read (a key press two); only an act that changes
    /// nothing waits it out.
    /// </summary>
    /// <value>The default value is 2 seconds; <see cref="TimeSpan.Zero"/> reads nothing after an act.</value>
    public TimeSpan ResponseTimeout
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The working directory of a launched app; null: the current one.</summary>
    public string? WorkingDirectory { get; init; }
}
