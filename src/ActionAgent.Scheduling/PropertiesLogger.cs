using Microsoft.Extensions.Logging;

namespace ActionAgent.Scheduling;

/// <summary>
/// A logger whose every event carries the same structured properties (a run's <c>JobId</c> and <c>RunId</c>): each
/// event is written inside a scope of them, which Serilog (through <c>Serilog.Extensions.Logging</c>) and the other
/// structured providers turn into properties. Unlike an ambient scope it holds wherever the logger is handed on.
/// </summary>
internal sealed class PropertiesLogger(ILogger inner, IReadOnlyDictionary<string, object> properties) : ILogger
{
    /// <summary>The properties every event carries.</summary>
    public IReadOnlyDictionary<string, object> Properties { get; } = properties;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        using (inner.BeginScope(Properties))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
