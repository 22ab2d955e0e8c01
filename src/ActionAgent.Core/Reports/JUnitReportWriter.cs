using System.Globalization;
using System.Text;
using System.Xml;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>
/// Writes JUnit XML for CI: one <c>&lt;testsuite&gt;</c> per <see cref="JUnitSuite"/> (a replayed recording, a run), one
/// <c>&lt;testcase&gt;</c> per step (a skipped step is <c>&lt;skipped&gt;</c>, a failed one <c>&lt;failure&gt;</c>; a heal
/// is noted in the case's system-out and properties), plus one case for the end-of-run checks. Screenshots are attached
/// in the case's system-out as <c>[[ATTACHMENT|/absolute/path.png]]</c> (Jenkins JUnit attachments plugin, GitLab).
/// The XML is masked through every suite's secrets.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>Writes one replay's XML to <paramref name="path"/> (no attachments: see the overload with the suites).</summary>
    public static Task WriteAsync(ReplayResult result, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync([JUnitSuite.FromReplay(result, outputDirectory: null)], "agent replay", path, cancellationToken);
    }

    /// <summary>Writes the suites as one XML file at <paramref name="path"/> (atomically); <paramref name="name"/> names the root <c>&lt;testsuites&gt;</c>.</summary>
    public static async Task WriteAsync(IReadOnlyList<JUnitSuite> suites, string name, string path, CancellationToken cancellationToken) =>
        await AtomicFile.WriteAllTextAsync(path, Render(suites, name), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);

    /// <summary>The JUnit XML of one replay (no attachments: its output folder is not known here).</summary>
    public static string Render(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render([JUnitSuite.FromReplay(result, outputDirectory: null)], "agent replay");
    }

    /// <summary>The JUnit XML of <paramref name="suites"/>, masked through each suite's secrets.</summary>
    public static string Render(IReadOnlyList<JUnitSuite> suites, string name)
    {
        ArgumentNullException.ThrowIfNull(suites);
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            xml.WriteStartElement("testsuites");
            Attribute(xml, "name", name);
            Attribute(xml, "tests", Int(suites.Sum(s => s.Cases.Count)));
            Attribute(xml, "failures", Int(suites.Sum(s => s.Cases.Count(c => c.Failure is not null))));
            Attribute(xml, "errors", Int(suites.Sum(s => s.Cases.Count(c => c.Error is not null))));
            Attribute(xml, "time", Seconds(suites.Sum(s => s.DurationMs)));
            foreach (var suite in suites) Suite(xml, suite);
            xml.WriteEndElement();
        }
        var text = builder.ToString();
        foreach (var suite in suites) text = suite.Secrets.Mask(text);
        return text;
    }

    private static void Suite(XmlWriter xml, JUnitSuite suite)
    {
        xml.WriteStartElement("testsuite");
        Attribute(xml, "name", suite.Name);
        Attribute(xml, "tests", Int(suite.Cases.Count));
        Attribute(xml, "failures", Int(suite.Cases.Count(c => c.Failure is not null)));
        Attribute(xml, "errors", Int(suite.Cases.Count(c => c.Error is not null)));
        Attribute(xml, "skipped", Int(suite.Cases.Count(c => c.Skipped is not null)));
        Attribute(xml, "time", Seconds(suite.DurationMs));
        if (suite.Timestamp is { } timestamp) Attribute(xml, "timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        if (suite.Properties.Count > 0)
        {
            xml.WriteStartElement("properties");
            foreach (var (key, value) in suite.Properties) Property(xml, key, value);
            xml.WriteEndElement();
        }
        foreach (var test in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            Attribute(xml, "classname", suite.Name);
            Attribute(xml, "name", test.Name);
            Attribute(xml, "time", Seconds(test.DurationMs));
            if (test.Properties.Count > 0)
            {
                xml.WriteStartElement("properties");
                foreach (var (key, value) in test.Properties) Property(xml, key, value);
                xml.WriteEndElement();
            }
            if (test.Skipped is not null)
            {
                xml.WriteStartElement("skipped");
                Attribute(xml, "message", test.Skipped);
                xml.WriteEndElement();
            }
            Problem(xml, "failure", test.Failure);
            Problem(xml, "error", test.Error);
            // Attachments last, each on a line of its own: the form the Jenkins attachments plugin and GitLab parse.
            var output = test.Output.Concat(test.Attachments.Select(a => $"[[ATTACHMENT|{a}]]")).ToList();
            if (output.Count > 0) Element(xml, "system-out", string.Join("\n", output));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Problem(XmlWriter xml, string element, JUnitProblem? problem)
    {
        if (problem is null) return;
        xml.WriteStartElement(element);
        Attribute(xml, "message", problem.Message);
        if (problem.Type is not null) Attribute(xml, "type", problem.Type);
        if (!string.IsNullOrEmpty(problem.Text)) Text(xml, problem.Text);
        xml.WriteEndElement();
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
