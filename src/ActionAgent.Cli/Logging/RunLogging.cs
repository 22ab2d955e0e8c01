using ActionAgent.Core.Secrets;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace ActionAgent.Cli.Logging;

/// <summary>
/// Serilog for a command: warnings on the console (progress is drawn separately), everything as compact JSON in the
/// run folder's <c>log.jsonl</c>, secrets masked before any sink. The libraries (Core's engines, the scheduler, the
/// <see cref="Agent"/>) log through <c>Microsoft.Extensions.Logging</c>; <see cref="Factory"/> makes Serilog their sink.
/// </summary>
internal static class RunLogging
{
    private static SecretVault _vault = SecretVault.Empty;

    /// <summary>The vault the masking enricher reads; set once secrets are loaded. The process's catch-all error line masks them too.</summary>
    public static void UseSecrets(SecretVault vault)
    {
        _vault = vault;
        KnownSecrets.Remember(vault);
    }

    /// <summary>
    /// The <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/> the libraries log through: each category's events go to
    /// <paramref name="log"/> (masking, console, log file) with the category as <c>SourceContext</c> and open scopes as
    /// properties. Disposing it leaves <paramref name="log"/> open.
    /// </summary>
    public static Microsoft.Extensions.Logging.ILoggerFactory Factory(Serilog.ILogger log) => new SerilogLoggerFactory(log);

    /// <param name="logFile">The run's log.jsonl, or null for the console only.</param>
    /// <param name="verbose">Log information on the console too.</param>
    /// <param name="vault">The secrets to mask, when this logger belongs to one of several runs in one process (a worker); null: the command's vault.</param>
    public static Logger Create(string? logFile, bool verbose, Func<SecretVault>? vault = null)
    {
        var sinks = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Console(
                // Progress and failures are drawn by the command itself; the console log adds only errors unless --verbose.
                restrictedToMinimumLevel: verbose ? LogEventLevel.Information : LogEventLevel.Error,
                outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        if (logFile is not null)
        {
            sinks = sinks.WriteTo.File(new CompactJsonFormatter(), logFile, restrictedToMinimumLevel: LogEventLevel.Debug);
        }
        // Every event passes the masking sink before any real sink sees it.
        return new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Sink(new SecretMaskingSink(sinks.CreateLogger(), vault ?? (() => _vault)))
            .CreateLogger();
    }
}
