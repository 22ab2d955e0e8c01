namespace ActionAgent.Desktop;

/// <summary>
/// The desktop session is not usable: no display, no D-Bus session bus, no accessibility bus, or the application
/// could not be started or never showed a window. The message says what to install or start.
/// </summary>
public sealed class DesktopEnvironmentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DesktopEnvironmentException() : base("The desktop session is not usable.")
    {
    }

    /// <summary>Creates the exception with a message that says what is missing.</summary>
    public DesktopEnvironmentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DesktopEnvironmentException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
