using System.Globalization;
using System.Text;
using System.Xml;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>
/// Writes a replay as JUnit XML for CI: one test suite per recording, one test case per step (a skipped step is
/// <c>&lt;skipped&gt;</c>, a failed one <c>&lt;failure&gt;</c>; a heal is noted in the case's system-out and properties).
/// The end-of-run expectations are one more test case.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>Writes the XML to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(ReplayResult result, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await AtomicFile.WriteAllTextAsync(path, Render(result), new UTF8Encoding(false), cancellationToken);
    }

    /// <summary>The JUnit XML of a replay.</summary>
    public static string Render(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            var suite = "replay." + result.Name;
            var expectationFailed = result.Expectations.Any(e => !e.Passed);
            xml.WriteStartElement("testsuites");
            Attribute(xml, "name", "agent replay");
            Attribute(xml, "tests", Int(result.Steps.Count + 1));
            Attribute(xml, "failures", Int(result.FailedCount + (expectationFailed ? 1 : 0)));
            Attribute(xml, "time", Seconds(result.DurationMs));
            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", suite);
            Attribute(xml, "tests", Int(result.Steps.Count + 1));
            Attribute(xml, "failures", Int(result.FailedCount + (expectationFailed ? 1 : 0)));
            Attribute(xml, "errors", "0");
            Attribute(xml, "skipped", Int(result.SkippedCount));
            Attribute(xml, "time", Seconds(result.DurationMs));
            Attribute(xml, "timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteStartElement("properties");
            Property(xml, "heals", Int(result.HealCount));
            Property(xml, "healRate", result.HealRate.ToString("0.###", CultureInfo.InvariantCulture));
            Property(xml, "modelCalls", "0");
            xml.WriteEndElement();
            foreach (var step in result.Steps)
            {
                xml.WriteStartElement("testcase");
                Attribute(xml, "classname", suite);
                Attribute(xml, "name", $"step {step.Index:00} {step.Summary}");
                Attribute(xml, "time", Seconds(step.DurationMs));
                if (step.Heal is { } heal)
                {
                    xml.WriteStartElement("properties");
                    Property(xml, "healedFrom", heal.BrokenLocator);
                    Property(xml, "healedTo", heal.FoundLocator);
                    xml.WriteEndElement();
                }
                if (step.Outcome == "skipped")
                {
                    xml.WriteStartElement("skipped");
                    Attribute(xml, "message", step.Error ?? "skipped");
                    xml.WriteEndElement();
                }
                else if (step.Outcome == "failed")
                {
                    xml.WriteStartElement("failure");
                    Attribute(xml, "message", step.Error ?? "failed");
                    Attribute(xml, "type", step.Heal is not null && step.Checks.All(c => c.Passed) ? "heal-refused" : step.Checks.Any(c => !c.Passed) ? "check-failed" : "step-failed");
                    Text(xml, string.Join("\n", step.Checks.Select(c => $"{(c.Passed ? "ok " : "FAIL")} {c.Check}{(c.Detail is null ? "" : ": " + c.Detail)}")));
                    xml.WriteEndElement();
                }
                var output = new List<string>();
                if (step.ResolvedBy is not null) output.Add($"found by {step.ResolvedBy}");
                if (step.Heal is { } h) output.Add($"HEAL: {h.BrokenLocator} no longer matches; found by {h.FoundLocator}{(h.Shot is null ? "" : $" (screenshot {h.Shot})")}");
                if (step.Shot is not null) output.Add($"screenshot: {step.Shot}");
                if (output.Count > 0) Element(xml, "system-out", string.Join("\n", output));
                xml.WriteEndElement();
            }
            xml.WriteStartElement("testcase");
            Attribute(xml, "classname", suite);
            Attribute(xml, "name", "expectations");
            Attribute(xml, "time", "0");
            if (result.Steps.Any(s => s.Outcome == "failed"))
            {
                xml.WriteStartElement("skipped");
                Attribute(xml, "message", "not checked: a step failed");
                xml.WriteEndElement();
            }
            else if (expectationFailed)
            {
                xml.WriteStartElement("failure");
                Attribute(xml, "message", result.Reason ?? "an expectation failed");
                xml.WriteEndElement();
            }
            Element(xml, "system-out", string.Join("\n", result.Expectations.Select(e => $"{(e.Passed ? "ok " : "FAIL")} {e.Check}{(e.Detail is null ? "" : ": " + e.Detail)}")));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return result.Secrets.Mask(builder.ToString());
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        Attribute(xml, "name", name);
        Attribute(xml, "value", value);
        xml.WriteEndElement();
    }

    // Page text, recorded values and error messages may hold control characters XML 1.0 cannot carry (XmlWriter
    // throws on them): each becomes a visible \uXXXX so the report is still well-formed and says what was there.
    private static void Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeString(name, Clean(value));

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Clean(value));

    private static void Text(XmlWriter xml, string value) => xml.WriteString(Clean(value));

    internal static string Clean(string value)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var valid = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
            if (valid)
            {
                clean?.Append(c);
                continue;
            }
            clean ??= new StringBuilder(value, 0, i, value.Length + 8);
            clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return clean?.ToString() ?? value;
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
