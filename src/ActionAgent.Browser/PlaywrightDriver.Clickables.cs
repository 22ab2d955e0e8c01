using System.Globalization;
using System.Text;
using System.Text.Json;
using ActionAgent.Core.Observation;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// The AI snapshot merges inline text: a clickable <span> inside a paragraph, or a <div> with a click handler and no
// role, has no node of its own. A DOM probe finds them (computed cursor:pointer, onclick, tabindex) and adds them to
// the snapshot as `generic` lines with a CSS path, so planners can rank and target them like any other element.
public sealed partial class PlaywrightDriver
{
    private const int MaxProbedClickables = 60;

    private const string ClickablesScript = """
        (max) => {
          const native = 'a[href],button,input,select,textarea,label,summary,option,[role],[contenteditable=""],[contenteditable=true]';
          const path = (el) => {
            const parts = [];
            for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
              if (e === document.body) { parts.unshift('body'); break; }
              const i = Array.prototype.indexOf.call(e.parentElement.children, e) + 1;
              parts.unshift(e.tagName.toLowerCase() + ':nth-child(' + i + ')');
            }
            return parts.join(' > ');
          };
          const out = [];
          const collapsed = [...document.querySelectorAll('[aria-expanded=false], details:not([open]) > summary')]
            .map(e => (e.getAttribute('aria-label') || e.innerText || '').trim().replace(/\s+/g, ' ')).filter(t => t && t.length <= 80);
          // A closed dropdown drawn without ARIA: a clickable whose text ends in a down caret ("Select… ▾").
          const caret = /[▾▼⌄⏷]\s*$/;
          const stateClass = /^(?:(?:is|has)-)?(?:on|active|selected|checked|filled|current|chosen)$|(?:--|__)(?:on|active|selected|checked|filled|current|chosen)$/i;
          for (const el of document.body ? document.body.querySelectorAll('*') : []) {
            if (out.length >= max) break;
            if (el.matches(native) || el.closest('a[href],button,label,summary,[role=button],[role=link]')) continue;
            const style = getComputedStyle(el);
            const pointer = style.cursor === 'pointer' && (!el.parentElement || getComputedStyle(el.parentElement).cursor !== 'pointer');
            const handler = el.hasAttribute('onclick') || typeof el.onclick === 'function';
            const focusable = el.hasAttribute('tabindex') && el.tabIndex >= 0;
            if (!pointer && !handler && !focusable) continue;
            const r = el.getBoundingClientRect();
            if (r.width < 2 || r.height < 2 || style.visibility === 'hidden') continue;
            // An icon or symbol ("★", "✕") says what it does in its title or label, when it has one ("3 stars").
            const inner = (el.innerText || '').trim(), label = (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim();
            const text = (/[\p{L}\p{N}]/u.test(inner) || !label ? inner || label : label).replace(/\s+/g, ' ');
            if (!text || text.length > 80) continue;
            // The text around it (its item: a list entry, a card, a row), so a planner can place it in its container.
            let ctx = '';
            for (let a = el.parentElement, i = 0; a && a !== document.body && i < 6; a = a.parentElement, i++) {
              const t = (a.innerText || '').trim().replace(/\s+/g, ' ');
              if (t.length > text.length) { ctx = t.length <= 200 ? t : ''; break; }
            }
            if (caret.test(text)) collapsed.push(text);
            // A state shown only by its look ("★" turned gold): a state class of its own ("on", "is-active", "star--selected").
            const marked = (el.getAttribute('class') || '').split(/\s+/).some(c => stateClass.test(c));
            out.push({ text, ctx, marked, css: path(el), x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) });
          }
          const meter = typeof window.__actionAgentDomChanges === 'function' ? window.__actionAgentDomChanges() : null;
          return { clickables: out, collapsed, meter };
        }
        """;

    /// <summary>The DOM probe's answer (clickables without a role, collapsed controls); null when the page navigated meanwhile.</summary>
    private async Task<JsonElement?> ProbeAsync()
    {
        try
        {
            return await Page.EvaluateAsync<JsonElement>(ClickablesScript, MaxProbedClickables).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    /// <summary>
    /// The snapshot with what the DOM probe adds: <c>[expanded=false]</c> on collapsed controls (the AI snapshot marks
    /// only expanded ones), and lines for clickables without a role that have no node of their own.
    /// </summary>
    private static string WithProbe(string snapshot, JsonElement? probed)
    {
        // null: a page that navigated while probed; the snapshot stands on its own
        if (probed is not { } found) return snapshot;
        var collapsed = found.GetProperty("collapsed").EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
        snapshot = MarkCollapsed(snapshot, collapsed);
        var named = AriaSnapshotParser.Parse(snapshot).SelectMany(n => n.DescendantsAndSelf())
            .Where(n => n.Attributes.TryGetValue("cursor", out var c) && c == "pointer" || n.Role is "button" or "link")
            .Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var lines = new StringBuilder();
        foreach (var item in found.GetProperty("clickables").EnumerateArray())
        {
            var text = item.GetProperty("text").GetString() ?? "";
            if (named.Contains(text)) continue;
            var css = item.GetProperty("css").GetString() ?? "";
            if (css.Contains(']', StringComparison.Ordinal)) continue;
            var context = Bracketless(item.TryGetProperty("ctx", out var ctx) ? ctx.GetString() ?? "" : "");
            lines.Append(CultureInfo.InvariantCulture,
                $"- generic \"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" [cursor=pointer] [clickable]{(collapsed.Contains(text) ? " [expanded=false]" : "")}{(item.TryGetProperty("marked", out var marked) && marked.GetBoolean() ? " [marked]" : "")} [css={css}] [box={item.GetProperty("x").GetInt32()},{item.GetProperty("y").GetInt32()},{item.GetProperty("w").GetInt32()},{item.GetProperty("h").GetInt32()}]{(context.Length > 0 ? $" [ctx={context}]" : "")}\n");
        }
        return lines.Length == 0 ? snapshot : snapshot.TrimEnd('\n') + "\n" + lines;
    }

    // The context goes in a [ctx=…] attribute: no brackets or line breaks inside it.
    private static string Bracketless(string text) =>
        text.Replace('[', '(').Replace(']', ')').Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string MarkCollapsed(string snapshot, HashSet<string> names)
    {
        if (names.Count == 0) return snapshot;
        var lines = snapshot.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith("- ", StringComparison.Ordinal) || line.Contains("[expanded", StringComparison.Ordinal)) continue;
            var quote = trimmed.IndexOf('"', StringComparison.Ordinal);
            var end = quote < 0 ? -1 : trimmed.IndexOf('"', quote + 1);
            // A control with no name shows its text after the colon ("- combobox [ref=e8]: Select… ▾").
            var colon = trimmed.LastIndexOf("]: ", StringComparison.Ordinal);
            var text = end > 0 ? trimmed[(quote + 1)..end] : colon > 0 ? trimmed[(colon + 3)..].Trim() : null;
            if (text is null || !names.Contains(text)) continue;
            var at = line.IndexOf(" [ref=", StringComparison.Ordinal);
            if (at > 0) lines[i] = line[..at] + " [expanded=false]" + line[at..];
        }
        return string.Join('\n', lines);
    }
}
