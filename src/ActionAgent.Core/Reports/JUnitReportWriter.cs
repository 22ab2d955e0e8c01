using System.Globalization;
using System.Text;
using System.Xml;
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
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, Render(result), new UTF8Encoding(false), cancellationToken);
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
            xml.WriteAttributeString("name", "agent replay");
            xml.WriteAttributeString("tests", Int(result.Steps.Count + 1));
            xml.WriteAttributeString("failures", Int(result.FailedCount + (expectationFailed ? 1 : 0)));
            xml.WriteAttributeString("time", Seconds(result.DurationMs));
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite);
            xml.WriteAttributeString("tests", Int(result.Steps.Count + 1));
            xml.WriteAttributeString("failures", Int(result.FailedCount + (expectationFailed ? 1 : 0)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", Int(result.SkippedCount));
            xml.WriteAttributeString("time", Seconds(result.DurationMs));
            xml.WriteAttributeString("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteStartElement("properties");
            Property(xml, "heals", Int(result.HealCount));
            Property(xml, "healRate", result.HealRate.ToString("0.###", CultureInfo.InvariantCulture));
            Property(xml, "modelCalls", "0");
            xml.WriteEndElement();
            foreach (var step in result.Steps)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", suite);
                xml.WriteAttributeString("name", $"step {step.Index:00} {step.Summary}");
                xml.WriteAttributeString("time", Seconds(step.DurationMs));
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
                    xml.WriteAttributeString("message", step.Error ?? "skipped");
                    xml.WriteEndElement();
                }
                else if (step.Outcome == "failed")
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", step.Error ?? "failed");
                    xml.WriteAttributeString("type", step.Heal is not null && step.Checks.All(c => c.Passed) ? "heal-refused" : step.Checks.Any(c => !c.Passed) ? "check-failed" : "step-failed");
                    xml.WriteString(string.Join("\n", step.Checks.Select(c => $"{(c.Passed ? "ok " : "FAIL")} {c.Check}{(c.Detail is null ? "" : ": " + c.Detail)}")));
                    xml.WriteEndElement();
                }
                var output = new List<string>();
                if (step.ResolvedBy is not null) output.Add($"found by {step.ResolvedBy}");
                if (step.Heal is { } h) output.Add($"HEAL: {h.BrokenLocator} no longer matches; found by {h.FoundLocator}{(h.Shot is null ? "" : $" (screenshot {h.Shot})")}");
                if (step.Shot is not null) output.Add($"screenshot: {step.Shot}");
                if (output.Count > 0) xml.WriteElementString("system-out", string.Join("\n", output));
                xml.WriteEndElement();
            }
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", suite);
            xml.WriteAttributeString("name", "expectations");
            xml.WriteAttributeString("time", "0");
            if (result.Steps.Any(s => s.Outcome == "failed"))
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", "not checked: a step failed");
                xml.WriteEndElement();
            }
            else if (expectationFailed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", result.Reason ?? "an expectation failed");
                xml.WriteEndElement();
            }
            xml.WriteElementString("system-out", string.Join("\n", result.Expectations.Select(e => $"{(e.Passed ? "ok " : "FAIL")} {e.Check}{(e.Detail is null ? "" : ": " + e.Detail)}")));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return result.Secrets.Mask(builder.ToString());
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
