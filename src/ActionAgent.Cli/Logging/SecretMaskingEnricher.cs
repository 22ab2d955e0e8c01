using ActionAgent.Core.Secrets;
using Serilog.Core;
using Serilog.Events;

namespace ActionAgent.Cli.Logging;

/// <summary>
/// Defence in depth: no code logs a secret on purpose, and this enricher masks any property value that still
/// contains one (an error message from a driver that echoed what it typed, say) before any sink sees it.
/// </summary>
internal sealed class SecretMaskingEnricher(Func<SecretVault> vault) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var secrets = vault();
        if (secrets.Names.Count == 0) return;
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && secrets.Mask(text) is var masked && masked != text)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
        if (logEvent.Exception is not null && secrets.Mask(logEvent.Exception.ToString()) != logEvent.Exception.ToString())
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty("ExceptionMasked", new ScalarValue(secrets.Mask(logEvent.Exception.Message))));
        }
    }
}
