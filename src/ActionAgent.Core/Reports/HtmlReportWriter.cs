using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;

namespace ActionAgent.Core.Reports;

/// <summary>
/// Writes a report as one HTML file: CSS inline, no scripts, no external resources. Screenshots are either embedded
/// as data URIs (<see cref="ReportImages.Embed"/>: one file to attach to a CI build) or linked relative to the
/// report (<see cref="ReportImages.Link"/>: a run's report.html next to its shots/ folder). An embedded screenshot is
/// written once, as one CSS rule, however many thumbnails and crops show it (a step's "after" is often the next step's
/// "before"), so the file stays small enough to open fast. A heal's crop is drawn by CSS (the screenshot as a
/// background, offset to the element's box), so no image is cut or re-encoded.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(ReportModel model, string path, ReportImages images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        await AtomicFile.WriteAllTextAsync(full, Render(model, Path.GetDirectoryName(full)!, images), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The report's HTML; image paths are made relative to <paramref name="reportDirectory"/> or embedded.</summary>
    public static string Render(ReportModel model, string reportDirectory, ReportImages images)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shots = new ShotTable(reportDirectory, images);
        var html = new StringBuilder();
        var ok = model.Status == ReplayVerdict.Passed.ToText() || model.Status == RunOutcome.Succeeded.ToText();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(model.Title)} – {E(model.Kind)} {E(model.Status)}</title>
            <style>{Css}</style>
            """);
        var stylesAt = html.Length;
        html.Append(CultureInfo.InvariantCulture, $"""
            </head>
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
                <li class="step {E(step.Outcome.ToText())}" data-step="{step.Index}" data-outcome="{E(step.Outcome.ToText())}">
                <div class="line"><span class="index">{step.Index}</span><span class="action">{E(step.Action)}</span>
                <span class="summary">{E(WithoutAction(step))}</span><span class="badge {E(step.Outcome.ToText())}">{E(step.Outcome.ToText())}</span>
                <span class="time">{step.DurationMs} ms{(step.RecordedMs is { } rec ? $" <small>(recorded {rec} ms)</small>" : "")}</span></div>
                """);
            if (step.ResolvedBy is not null) html.Append(CultureInfo.InvariantCulture, $"<div class=\"by\">found by {E(step.ResolvedBy)}{(step.Planner is null ? "" : $" · planner {E(step.Planner)}")}</div>");
            if (step.Error is not null && step.Outcome != ReplayStepOutcome.Skipped) html.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{E(step.Error)}</div>");
            if (step.Heal is { } heal)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <div class="heal"><strong>Heal</strong> <span class="before">{E(heal.BrokenLocator)}</span> no longer matches →
                    found by <span class="after">{E(heal.FoundLocator)}</span>
                    """);
                if (step.HealShot is { } shot && heal.Box is { } box && shots.Find(shot) is { } found && found.Size is { } size)
                {
                    html.Append(Crop(found, box, size));
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
                    if (shots.Find(image.Path) is not { } found) continue;
                    html.Append(Thumbnail(found, $"{image.Caption} of step {step.Index}", image.Caption));
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
        // The text is masked, the embedded images are not: a secret of a few digits is found in any long base64 text,
        // and masking it there breaks the image. (What a screenshot shows was masked on the page before it was taken.)
        var text = html.ToString();
        return model.Secrets.Mask(text[..stylesAt]) + shots.Styles() + model.Secrets.Mask(text[stylesAt..]);
    }

    private static string WithoutAction(ReportStep step) =>
        step.Summary.StartsWith(step.Action + " ", StringComparison.Ordinal) ? step.Summary[(step.Action.Length + 1)..] : step.Summary;

    private static string CheckItem(CheckResult check) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<li class=\"{(check.Passed ? "ok" : "ko")}\">{(check.Passed ? "✓" : "✗")} {E(check.Check)}{(check.Detail is null ? "" : $" <small>{E(check.Detail)}</small>")}</li>");

    private static string Crop(Shot shot, Actions.BoundingBox box, (int Width, int Height) image)
    {
        const double MaxWidth = 320, MaxHeight = 120;
        var scale = Math.Min(1.5, Math.Min(MaxWidth / Math.Max(1, box.Width), MaxHeight / Math.Max(1, box.Height)));
        var background = shot.Class is null ? $"background-image:url('{A(shot.Url!)}');" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"crop{(shot.Class is null ? "" : " " + shot.Class)}\" title=\"the element found\" style=\"width:{box.Width * scale:0}px;height:{box.Height * scale:0}px;{background}background-size:{image.Width * scale:0}px {image.Height * scale:0}px;background-position:-{box.X * scale:0}px -{box.Y * scale:0}px\"></div>");
    }

    private static string Thumbnail(Shot shot, string alt, string caption)
    {
        if (shot.Class is null)
        {
            return $"<figure><a href=\"{A(shot.Url!)}\"><img loading=\"lazy\" src=\"{A(shot.Url!)}\" alt=\"{E(alt)}\"></a><figcaption>{E(caption)}</figcaption></figure>";
        }
        var ratio = shot.Size is var (w, h) && w > 0 && h > 0 ? string.Create(CultureInfo.InvariantCulture, $" style=\"aspect-ratio:{w}/{h}\"") : "";
        return $"<figure><div class=\"thumb {shot.Class}\" role=\"img\" aria-label=\"{E(alt)}\"{ratio}></div><figcaption>{E(caption)}</figcaption></figure>";
    }

    /// <summary>A screenshot as the report shows it: a linked file (<see cref="Url"/>) or an embedded one (<see cref="Class"/>, its CSS rule).</summary>
    private sealed record Shot(string? Url, string? Class, (int Width, int Height)? Size);

    /// <summary>Each screenshot file read (and, when embedded, written) once, whatever the number of places that show it.</summary>
    private sealed class ShotTable(string reportDirectory, ReportImages images)
    {
        private readonly Dictionary<string, Shot?> _shots = new(StringComparer.Ordinal);
        private readonly StringBuilder _styles = new();

        public Shot? Find(string file)
        {
            if (_shots.TryGetValue(file, out var known)) return known;
            return _shots[file] = Load(file);
        }

        public string Styles() => _styles.Length == 0 ? "" : $"<style>{_styles}</style>";

        private Shot? Load(string file)
        {
            if (!File.Exists(file)) return null;
            if (images == ReportImages.Link) return new Shot(Path.GetRelativePath(reportDirectory, file).Replace('\\', '/'), null, PngSize(file));
            // Only PNG or JPEG files are embedded, whatever their name says: nothing else is a screenshot.
            var bytes = File.ReadAllBytes(file);
            var type = bytes.AsSpan().StartsWith(PngSignature) ? "image/png" : bytes.AsSpan().StartsWith(JpegSignature) ? "image/jpeg" : null;
            if (type is null) return null;
            var name = string.Create(CultureInfo.InvariantCulture, $"shot{_shots.Count + 1}");
            _styles.Append(CultureInfo.InvariantCulture, $".{name}{{background-image:url(data:{type};base64,{Convert.ToBase64String(bytes)})}}");
            return new Shot(null, name, PngSize(file));
        }
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
        .shots{display:flex;gap:8px;margin-top:6px;flex-wrap:wrap}.shots figure{margin:0}.shots img,.shots .thumb{width:220px;border:1px solid var(--line);border-radius:4px}
        .thumb{aspect-ratio:16/10;background-size:contain;background-repeat:no-repeat;background-position:center}
        .shots figcaption{font-size:11px;color:#59636e}
        """;
}
