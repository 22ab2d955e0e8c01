using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Scheduling;

/// <summary>Sends Quartz's and the host's warnings to the worker's Serilog logger (their info chatter is dropped).</summary>
internal static class SerilogBridge
{
    public static IServiceCollection AddSerilogLogging(this IServiceCollection services, Serilog.ILogger log) =>
        services.AddLogging(logging => logging.AddProvider(new Provider(log)).SetMinimumLevel(LogLevel.Warning));

    private sealed class Provider(Serilog.ILogger log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Forwarder(log.ForContext("SourceContext", categoryName));

        public void Dispose()
        {
        }
    }

    private sealed class Forwarder(Serilog.ILogger log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Critical => Serilog.Events.LogEventLevel.Fatal,
                LogLevel.Error => Serilog.Events.LogEventLevel.Error,
                _ => Serilog.Events.LogEventLevel.Warning,
            };
            log.Write(level, exception, "{Message}", formatter(state, exception));
        }
    }
}
