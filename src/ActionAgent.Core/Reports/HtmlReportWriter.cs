using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Reports;

/// <summary>
/// Writes a report as one HTML file: CSS inline, no scripts, no external resources. Screenshots are either embedded
/// as data URIs (<see cref="ReportImages.Embed"/>: one file to attach to a CI build) or linked relative to the
/// report (<see cref="ReportImages.Link"/>: a run's report.html next to its shots/ folder). A heal's crop is drawn by
/// CSS (the screenshot as a background, offset to the element's box), so no image is cut or re-encoded.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(ReportModel model, string path, ReportImages images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        await Recording.AtomicFile.WriteAllTextAsync(full, Render(model, Path.GetDirectoryName(full)!, images), Encoding.UTF8, cancellationToken);
    }

    /// <summary>The report's HTML; image paths are made relative to <paramref name="reportDirectory"/> or embedded.</summary>
    public static string Render(ReportModel model, string reportDirectory, ReportImages images)
    {
        ArgumentNullException.ThrowIfNull(model);
        var cache = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Src(string file) => cache.TryGetValue(file, out var s) ? s : cache[file] = ImageSource(file, reportDirectory, images);
        var html = new StringBuilder();
        var ok = model.Status is "passed" or "succeeded";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(model.Title)} – {E(model.Kind)} {E(model.Status)}</title>
            <style>{Css}</style></head>
            <body><header><h1>{E(model.Kind == "replay" ? "Replay" : "Run")} of <span class="name">{E(model.Title)}</span>
            <span class="badge {(ok ? "passed" : "failed")}" id="status">{E(model.Status)}</span></h1>
            """);
        if (model.Reason is not null) html.Append(CultureInfo.InvariantCulture, $"<p class=\"reason\">{E(model.Reason)}</p>");
        html.Append("<dl class=\"facts\">");
        foreach (var (key, value) in model.Facts) html.Append(CultureInfo.InvariantCulture, $"<dt>{E(key)}</dt><dd>{E(value)}</dd>");
        html.Append("</dl></header><main><h2>Step timeline</h2><ol class=\"timeline\" id=\"timeline\">");
        foreach (var step in model.Steps)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <li class="step {E(step.Outcome)}" data-step="{step.Index}" data-outcome="{E(step.Outcome)}">
                <div class="line"><span class="index">{step.Index}</span><span class="action">{E(step.Action)}</span>
                <span class="summary">{E(WithoutAction(step))}</span><span class="badge {E(step.Outcome)}">{E(step.Outcome)}</span>
                <span class="time">{step.DurationMs} ms{(step.RecordedMs is { } rec ? $" <small>(recorded {rec} ms)</small>" : "")}</span></div>
                """);
            if (step.ResolvedBy is not null) html.Append(CultureInfo.InvariantCulture, $"<div class=\"by\">found by {E(step.ResolvedBy)}{(step.Planner is null ? "" : $" · planner {E(step.Planner)}")}</div>");
            if (step.Error is not null && step.Outcome != "skipped") html.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{E(step.Error)}</div>");
            if (step.Heal is { } heal)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <div class="heal"><strong>Heal</strong> <span class="before">{E(heal.BrokenLocator)}</span> no longer matches →
                    found by <span class="after">{E(heal.FoundLocator)}</span>
                    """);
                if (step.HealShot is { } shot && heal.Box is { } box && Src(shot) is { } src && PngSize(shot) is { } size)
                {
                    html.Append(Crop(src, box, size));
                }
                html.Append("</div>");
            }
            if (step.Checks.Count > 0)
            {
                html.Append("<ul class=\"checks\">");
                foreach (var check in step.Checks) html.Append(CheckItem(check));
                html.Append("</ul>");
            }
            if (step.Images.Count > 0)
            {
                html.Append("<div class=\"shots\">");
                foreach (var image in step.Images)
                {
                    if (Src(image.Path) is not { } src) continue;
                    html.Append(CultureInfo.InvariantCulture, $"<figure><a href=\"{A(src)}\"><img loading=\"lazy\" src=\"{A(src)}\" alt=\"{E(image.Caption)} of step {step.Index}\"></a><figcaption>{E(image.Caption)}</figcaption></figure>");
                }
                html.Append("</div>");
            }
            html.Append("</li>");
        }
        html.Append("</ol>");
        if (model.Expectations.Count > 0)
        {
            html.Append("<h2>Expectations</h2><ul class=\"checks expectations\">");
            foreach (var check in model.Expectations) html.Append(CheckItem(check));
            html.Append("</ul>");
        }
        html.Append("</main><footer>ActionAgent report · no scripts, no external resources</footer></body></html>\n");
        return model.Secrets.Mask(html.ToString());
    }

    private static string WithoutAction(ReportStep step) =>
        step.Summary.StartsWith(step.Action + " ", StringComparison.Ordinal) ? step.Summary[(step.Action.Length + 1)..] : step.Summary;

    private static string CheckItem(CheckResult check) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<li class=\"{(check.Passed ? "ok" : "ko")}\">{(check.Passed ? "✓" : "✗")} {E(check.Check)}{(check.Detail is null ? "" : $" <small>{E(check.Detail)}</small>")}</li>");

    private static string Crop(string src, Actions.BoundingBox box, (int Width, int Height) image)
    {
        const double MaxWidth = 320, MaxHeight = 120;
        var scale = Math.Min(1.5, Math.Min(MaxWidth / Math.Max(1, box.Width), MaxHeight / Math.Max(1, box.Height)));
        return string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"crop\" title=\"the element found\" style=\"width:{box.Width * scale:0}px;height:{box.Height * scale:0}px;background-image:url('{A(src)}');background-size:{image.Width * scale:0}px {image.Height * scale:0}px;background-position:-{box.X * scale:0}px -{box.Y * scale:0}px\"></div>");
    }

    private static string? ImageSource(string file, string reportDirectory, ReportImages images)
    {
        if (!File.Exists(file)) return null;
        if (images == ReportImages.Link) return Path.GetRelativePath(reportDirectory, file).Replace('\\', '/');
        // Only PNG or JPEG files are embedded, whatever their name says: nothing else is a screenshot.
        var bytes = File.ReadAllBytes(file);
        var type = bytes.AsSpan().StartsWith(PngSignature) ? "image/png" : bytes.AsSpan().StartsWith(JpegSignature) ? "image/jpeg" : null;
        return type is null ? null : $"data:{type};base64,{Convert.ToBase64String(bytes)}";
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static (int, int)? PngSize(string file)
    {
        try
        {
            Span<byte> header = stackalloc byte[24];
            using var stream = File.OpenRead(file);
            if (stream.Read(header) < 24 || header[1] != (byte)'P') return null;
            return (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string A(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root{--ok:#1a7f37;--ko:#cf222e;--heal:#9a6700;--skip:#6e7781;--line:#d0d7de;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328}
        body{margin:0;background:#f6f8fa}header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px}
        h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:20px 0 10px}.name{font-family:ui-monospace,monospace}
        .reason{margin:6px 0;color:var(--ko)}.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0 0;font-size:14px}
        .facts dt{color:#59636e}.facts dd{margin:0}main{padding:0 24px 24px}footer{padding:12px 24px;color:#59636e;font-size:12px}
        .timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}
        .step{position:relative;background:#fff;border:1px solid var(--line);border-radius:6px;margin:0 0 10px 16px;padding:8px 12px}
        .step::before{content:"";position:absolute;left:-25px;top:12px;width:12px;height:12px;border-radius:50%;background:var(--ok);border:2px solid #fff}
        .step.failed::before{background:var(--ko)}.step.healed::before{background:var(--heal)}.step.skipped::before{background:var(--skip)}
        .step.skipped{opacity:.6}.line{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
        .index{font-weight:600;min-width:2ch}.action{font-family:ui-monospace,monospace;font-weight:600}.summary{flex:1;font-family:ui-monospace,monospace;font-size:13px;word-break:break-all}
        .time{color:#59636e;font-size:13px}.badge{border-radius:10px;padding:1px 8px;font-size:12px;color:#fff;background:var(--ok)}
        .badge.failed{background:var(--ko)}.badge.healed{background:var(--heal)}.badge.skipped{background:var(--skip)}
        .by{font-size:12px;color:#59636e;margin-top:2px}.error{color:var(--ko);font-size:13px;margin-top:6px;white-space:pre-wrap}
        .heal{margin-top:6px;padding:6px 8px;background:#fff8c5;border:1px solid #d4a72c;border-radius:4px;font-size:13px}
        .heal .before{text-decoration:line-through;font-family:ui-monospace,monospace}.heal .after{font-family:ui-monospace,monospace}
        .crop{margin-top:6px;border:2px solid var(--heal);background-repeat:no-repeat}
        .checks{list-style:none;padding:0;margin:6px 0 0;font-size:13px}.checks .ok{color:var(--ok)}.checks .ko{color:var(--ko)}.checks small{color:#59636e}
        .shots{display:flex;gap:8px;margin-top:6px;flex-wrap:wrap}.shots figure{margin:0}.shots img{width:220px;border:1px solid var(--line);border-radius:4px}
        .shots figcaption{font-size:11px;color:#59636e}
        """;
}
