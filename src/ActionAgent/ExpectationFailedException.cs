namespace ActionAgent;

/// <summary>Thrown by <see cref="Agent.ExpectAsync"/> when the screen does not show what was expected; the message says what it saw.</summary>
public sealed class ExpectationFailedException : Exception
{
    /// <summary>Creates the exception for a failed (or unsure) check.</summary>
    /// <param name="result">The check's answer.</param>
    public ExpectationFailedException(ExpectationResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).ToString())
    {
        Result = result;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ExpectationFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ExpectationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ExpectationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The check's answer, when the exception came from a check.</summary>
    public ExpectationResult? Result { get; }
}
