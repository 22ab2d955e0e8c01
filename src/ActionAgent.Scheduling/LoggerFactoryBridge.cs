using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Scheduling;

/// <summary>
/// Sends the worker host's logging to the caller's <see cref="ILoggerFactory"/>: the worker's own events
/// (<c>ActionAgent.Scheduling</c>) from information up, Quartz's and the host's only from warnings up (their info
/// chatter is dropped).
/// </summary>
internal static class LoggerFactoryBridge
{
    public static ILoggingBuilder ForwardTo(this ILoggingBuilder logging, ILoggerFactory loggerFactory)
    {
        logging.ClearProviders();
        logging.AddProvider(new Provider(loggerFactory));
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter(typeof(LoggerFactoryBridge).Namespace, LogLevel.Information);
        return logging;
    }

    // The caller owns the factory: the host disposing its providers must not dispose it.
    private sealed class Provider(ILoggerFactory loggerFactory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => loggerFactory.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
