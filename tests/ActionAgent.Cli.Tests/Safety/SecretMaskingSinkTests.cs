using ActionAgent.Cli.Logging;
using ActionAgent.Core.Secrets;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>The log's last line of defence: a secret that reached a log event is masked at any depth before a sink writes it.</summary>
public sealed class SecretMaskingSinkTests
{
    private const string Card = "4242424242424242";
    private static readonly SecretVault Vault = new(new Dictionary<string, string> { ["card_number"] = Card });

    [Fact]
    public void A_secret_nested_in_structures_lists_dictionaries_the_template_and_the_exception_is_masked_in_the_written_json()
    {
        var written = new StringWriter();
        var captured = new List<LogEvent>();
        using (var logger = new LoggerConfiguration().MinimumLevel.Debug()
            .WriteTo.Sink(new SecretMaskingSink(new CapturingSink(captured), () => Vault)).CreateLogger())
        {
            var payload = new { Step = 18, Typed = new[] { "Ada", Card }, Fields = new Dictionary<string, string> { ["Card number"] = Card } };
            logger.Error(new InvalidOperationException($"could not type {Card} into the field"),
                "Fill failed for " + Card + " with {@Payload} and {Value}", payload, "4242 4242 4242 4242");
        }
        var formatter = new CompactJsonFormatter();
        foreach (var e in captured) formatter.Format(e, written);
        var json = written.ToString();

        Assert.Single(captured);
        Assert.DoesNotContain("4242", json, StringComparison.Ordinal);
        Assert.Contains(SecretVault.MaskText, json, StringComparison.Ordinal);
        Assert.Contains("could not type ******** into the field", json, StringComparison.Ordinal);
        Assert.Contains("Ada", json, StringComparison.Ordinal); // what is not secret stays readable
    }

    [Fact]
    public void Without_secrets_the_event_is_passed_on_as_it_is()
    {
        var captured = new List<LogEvent>();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new SecretMaskingSink(new CapturingSink(captured), () => SecretVault.Empty)).CreateLogger())
        {
            logger.Information("Typed {Value}", Card);
        }

        Assert.Equal(Card, ((ScalarValue)Assert.Single(captured).Properties["Value"]).Value);
    }

    private sealed class CapturingSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
