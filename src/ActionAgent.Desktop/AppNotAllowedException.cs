namespace ActionAgent.Desktop;

/// <summary>The run tried to launch or touch an application its policy's <c>allow_apps</c> does not list.</summary>
public sealed class AppNotAllowedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AppNotAllowedException() : base("The application is not allowed by the policy.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AppNotAllowedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AppNotAllowedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an app outside the allow-list.</summary>
    public AppNotAllowedException(string app, IReadOnlyList<string> allowed)
        : base($"The application \"{app}\" is not in the policy's allow_apps ({string.Join(", ", allowed)}): the run may not launch or touch it.")
    {
        App = app;
    }

    /// <summary>The application that was refused.</summary>
    public string? App { get; }
}
