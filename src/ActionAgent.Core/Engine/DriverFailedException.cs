namespace ActionAgent.Core.Engine;

/// <summary>
/// A driver call threw instead of answering (an app that stopped answering its accessibility bus, a browser that
/// crashed): the engines turn it into a failed step and a failed run with this message, never a crash.
/// </summary>
public sealed class DriverFailedException : Exception
{
    /// <summary>Creates the exception for a driver call that threw.</summary>
    /// <param name="driver">The driver's name (<c>desktop</c>, <c>browser</c>).</param>
    /// <param name="operation">What the engine asked of it: <c>observing</c>, <c>acting</c>, <c>taking a screenshot</c>.</param>
    /// <param name="innerException">What the driver threw.</param>
    public DriverFailedException(string driver, string operation, Exception innerException)
        : base($"The {driver} driver failed while {operation}: {innerException?.Message} ({innerException?.GetType().Name})", innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DriverFailedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DriverFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DriverFailedException()
    {
    }
}
