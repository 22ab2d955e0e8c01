namespace ActionAgent.Scheduling;

/// <summary>A scheduling request that cannot be carried out, with a message that names what is wrong.</summary>
public sealed class ScheduleException : Exception
{
    /// <summary>Creates the error.</summary>
    public ScheduleException(ScheduleErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    /// <summary>Bad input or a broken environment.</summary>
    public ScheduleErrorKind Kind { get; }

    /// <inheritdoc />
    public ScheduleException() : this(ScheduleErrorKind.BadInput, "scheduling failed") { }

    /// <inheritdoc />
    public ScheduleException(string message) : this(ScheduleErrorKind.BadInput, message) { }

    /// <inheritdoc />
    public ScheduleException(string message, Exception inner) : this(ScheduleErrorKind.BadInput, message, inner) { }
}
