using ActionAgent.Core.Secrets;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ActionAgent.Cli.Logging;

/// <summary>
/// Defence in depth: no code logs a secret on purpose, and this sink, in front of every real sink, masks any secret
/// still in an event (an error message from a driver that echoed what it typed, say): in the message template, in
/// every property at any depth (structures, lists, dictionaries) and in the exception, whose text a sink would
/// otherwise print as it is.
/// </summary>
internal sealed class SecretMaskingSink(ILogEventSink inner, Func<SecretVault> vault) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        var secrets = vault();
        inner.Emit(secrets.Names.Count == 0 ? logEvent : Mask(logEvent, secrets));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <summary>The event with every secret of <paramref name="secrets"/> masked.</summary>
    public static LogEvent Mask(LogEvent logEvent, SecretVault secrets)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(secrets);
        var template = Masked(logEvent.MessageTemplate.Text, secrets) is { } maskedText ? Parser.Parse(maskedText) : logEvent.MessageTemplate;
        var exception = logEvent.Exception is { } e && Masked(e.ToString(), secrets) is { } maskedException
            ? new MaskedException(maskedException, secrets.Mask(e.Message)) : logEvent.Exception;
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Mask(p.Value, secrets)));
        return new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    /// <summary>The text with its secrets masked, or null when it holds none (each text is masked once).</summary>
    private static string? Masked(string? text, SecretVault secrets) => text is not null && secrets.Mask(text) is var masked && masked != text ? masked : null;

    private static LogEventPropertyValue Mask(LogEventPropertyValue value, SecretVault secrets) => value switch
    {
        ScalarValue { Value: not null } scalar when Masked(scalar.Value as string ?? scalar.Value.ToString(), secrets) is { } masked => new ScalarValue(masked),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value, secrets))),
            Masked(structure.TypeTag, secrets) ?? structure.TypeTag),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(v => Mask(v, secrets))),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(kv =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Mask(kv.Key, secrets), Mask(kv.Value, secrets)))),
        _ => value,
    };

    /// <summary>An exception that reads as the original with its secrets masked (type, message, stack, inner exceptions).</summary>
    private sealed class MaskedException(string text, string message) : Exception(message)
    {
        public override string ToString() => text;

        public override string? StackTrace => null;
    }
}
