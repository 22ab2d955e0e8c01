using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace ActionAgent.Logging;

/// <summary>
/// Carries the run engine's events (it logs through Serilog) to the library user's
/// <see cref="Microsoft.Extensions.Logging.ILogger"/>, with their structured properties.
/// </summary>
internal sealed class MicrosoftLoggingSink(Microsoft.Extensions.Logging.ILogger logger) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        var level = logEvent.Level switch
        {
            LogEventLevel.Verbose => LogLevel.Trace,
            LogEventLevel.Debug => LogLevel.Debug,
            LogEventLevel.Information => LogLevel.Information,
            LogEventLevel.Warning => LogLevel.Warning,
            LogEventLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
        if (!logger.IsEnabled(level)) return;
        var state = logEvent.Properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is ScalarValue scalar ? scalar.Value : p.Value.ToString()))
            .Append(new KeyValuePair<string, object?>("{OriginalFormat}", logEvent.MessageTemplate.Text))
            .ToList();
        var message = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        logger.Log(level, default, state, logEvent.Exception, (_, _) => message);
    }

    /// <summary>A Serilog logger writing only to <paramref name="logger"/> (never the static <c>Log.Logger</c>).</summary>
    public static Serilog.ILogger For(Microsoft.Extensions.Logging.ILogger logger) =>
        new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new MicrosoftLoggingSink(logger)).CreateLogger();
}
