using System.Globalization;
using System.Net;
using System.Text;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>
/// Writes the index of a multi-recording replay: one HTML file (inline CSS, no scripts, no external resources) with a
/// row per recording — its verdict, step counts, heals, time and why it failed — linking each recording's own
/// report.html by a path relative to the index, so the folder can be archived or served as it is.
/// </summary>
public static class ReplayIndexWriter
{
    /// <summary>Writes the index to <paramref name="path"/> (atomically); links are relative to its folder.</summary>
    public static async Task WriteAsync(IReadOnlyList<ReplayIndexEntry> entries, string path, string? junitPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        await AtomicFile.WriteAllTextAsync(full, Render(entries, Path.GetDirectoryName(full)!, junitPath), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The index's HTML, links relative to <paramref name="indexDirectory"/>, masked through every replay's secrets.</summary>
    public static string Render(IReadOnlyList<ReplayIndexEntry> entries, string indexDirectory, string? junitPath)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(indexDirectory);
        var passed = entries.Count(e => e.Verdict == ReplayEntryVerdict.Passed);
        var verdict = (passed == entries.Count ? ReplayVerdict.Passed : ReplayVerdict.Failed).ToText();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Replay of {entries.Count} recordings – {verdict}</title>
            <style>{Css}</style>
            </head>
            <body><header><h1>Replay of {entries.Count} recordings <span class="badge {verdict}" id="status">{verdict}</span></h1>
            <p>{passed} passed, {entries.Count(e => e.Verdict == ReplayEntryVerdict.Failed)} failed, {entries.Count(e => e.Verdict == ReplayEntryVerdict.Error)} could not start · no model calls</p>
            """);
        if (junitPath is not null) html.Append(CultureInfo.InvariantCulture, $"<p>JUnit: <a href=\"{Href(indexDirectory, junitPath)}\">{E(Path.GetFileName(junitPath))}</a></p>");
        html.Append("""
            </header><main><table id="recordings"><thead><tr><th>recording</th><th>verdict</th><th>steps</th><th>heals</th><th>time</th><th>why</th></tr></thead><tbody>
            """);
        foreach (var entry in entries)
        {
            var result = entry.Result;
            var name = entry.ReportPath is null ? E(entry.Name) : $"<a href=\"{Href(indexDirectory, entry.ReportPath)}\">{E(entry.Name)}</a>";
            var steps = result is null ? "" : $"{result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped of {result.Steps.Count}";
            var heals = result is null ? "" : result.HealCount.ToString(CultureInfo.InvariantCulture);
            var time = result is null ? "" : (result.DurationMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr class="{entry.Verdict.ToText()}" data-verdict="{entry.Verdict.ToText()}"><td>{name}<div class="path">{E(entry.Recording)}</div></td>
                <td><span class="badge {entry.Verdict.ToText()}">{entry.Verdict.ToText()}</span></td><td>{steps}</td><td>{heals}</td><td>{time}</td><td>{E(entry.Error ?? result?.Reason)}</td></tr>
                """);
        }
        html.Append("</tbody></table></main></body></html>\n");
        var text = html.ToString();
        foreach (var result in entries.Select(e => e.Result).OfType<Replay.ReplayResult>()) text = result.Secrets.Mask(text);
        return text;
    }

    // A relative link with each path segment escaped (a recording folder may be named anything).
    private static string Href(string indexDirectory, string target) =>
        E(string.Join('/', Path.GetRelativePath(indexDirectory, target).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Css = """
        :root{--ok:#1a7f37;--ko:#cf222e;--err:#9a6700;--line:#d0d7de;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328}
        body{margin:0;background:#f6f8fa}header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px}
        h1{font-size:22px;margin:0 0 8px}main{padding:16px 24px}table{border-collapse:collapse;background:#fff;width:100%}
        th,td{border:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}.path{color:#6e7781;font-size:12px;font-family:ui-monospace,monospace}
        .badge{border-radius:10px;padding:1px 8px;color:#fff;font-size:13px}.badge.passed{background:var(--ok)}.badge.failed{background:var(--ko)}.badge.error{background:var(--err)}
        """;
}
