namespace ActionAgent;

/// <summary>
/// The desktop session a desktop (AT-SPI) scenario runs in. <see cref="AgentConfiguration.FromEnvironment()"/> fills
/// it from <c>DISPLAY</c>, <c>DBUS_SESSION_BUS_ADDRESS</c> and <c>AT_SPI_BUS_ADDRESS</c>, so the desktop driver never
/// reads the process environment.
/// </summary>
public sealed class DesktopSettings
{
    /// <summary>The X display (<c>:99</c>).</summary>
    /// <value>The default value is null: no display, and a desktop scenario cannot start.</value>
    public string? Display { get; set; }

    /// <summary>The D-Bus session bus address, where the accessibility bus is looked up.</summary>
    /// <value>The default value is null: no session bus.</value>
    public string? SessionBusAddress { get; set; }

    /// <summary>The accessibility bus address, when it is given directly.</summary>
    /// <value>The default value is null: asked of the session bus.</value>
    public string? AccessibilityBusAddress { get; set; }
}
