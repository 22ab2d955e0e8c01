using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActionAgent.TestSupport;

/// <summary>One event a <see cref="CapturingLoggerFactory"/> kept.</summary>
/// <param name="Category">The logger's category (the class that logged, e.g. <c>ActionAgent.Core.Engine.RunEngine</c>).</param>
/// <param name="Level">The level.</param>
/// <param name="Template">The message template (<c>{OriginalFormat}</c>), or null when the state had none.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Properties">The event's structured properties, then those of the scopes open around it.</param>
/// <param name="Exception">The exception, if any.</param>
public sealed record CapturedLogEvent(string Category, LogLevel Level, string? Template, string Message,
    IReadOnlyDictionary<string, object?> Properties, Exception? Exception)
{
    /// <summary>Everything a sink could write of this event, as one text: message, template, properties, exception.</summary>
    public string AllText => string.Join("\n", new[] { Message, Template, Exception?.ToString() }
        .Concat(Properties.Select(p => $"{p.Key}={p.Value}")));
}

/// <summary>
/// A <see cref="ILoggerFactory"/> that keeps every event (at every level) with its structured properties, so a test
/// can check what a library logs through <c>Microsoft.Extensions.Logging</c>.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly AsyncLocal<Scope?> _scopes = new();

    /// <summary>The events, in the order they were logged.</summary>
    public ConcurrentQueue<CapturedLogEvent> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed record Scope(object State, Scope? Next);

    private sealed class Logger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var previous = factory._scopes.Value;
            factory._scopes.Value = new Scope(state, previous);
            return new Pop(() => factory._scopes.Value = previous);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            string? template = null;
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    if (key == "{OriginalFormat}") template = value as string;
                    else properties[key] = value;
                }
            }
            for (var scope = factory._scopes.Value; scope is not null; scope = scope.Next)
            {
                if (scope.State is IEnumerable<KeyValuePair<string, object?>> scoped)
                {
                    foreach (var (key, value) in scoped) properties.TryAdd(key, value);
                }
            }
            factory.Events.Enqueue(new CapturedLogEvent(category, logLevel, template, formatter(state, exception), properties, exception));
        }
    }

    private sealed class Pop(Action pop) : IDisposable
    {
        public void Dispose() => pop();
    }
}
