using System.Runtime.CompilerServices;
using System.Text.Json;
using ActionAgent.Core.Observation;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// The page's count of visible DOM changes (DomChangeMeter): a MutationObserver set up before the page's own scripts
// run collects the elements added, restyled or re-texted, and each observation's probe measures them (their visible
// area, as shares of the viewport) into a running total. A check compares two readings: it can tell a click that
// changed nothing from one that changed a colour or an icon the accessibility tree does not name, without a picture
// from before the click. Only what an element shows counts: scrolling, hovering and focus change no element.
public sealed partial class PlaywrightDriver
{
    // Contexts that already run the meter's script on every new document (a context shared by several drivers gets it once).
    private static readonly ConditionalWeakTable<IBrowserContext, object> MeteredContexts = [];

    // At most 200 changed elements are kept between two readings; more count as a whole viewport.
    private const string DomMeterScript = """
        (() => {
          if (Object.prototype.hasOwnProperty.call(window, '__actionAgentDomChanges')) return;
          // The agent's own marks (masks painted for a picture) and elements that draw nothing are not the page's changes.
          const ours = (n) => n.nodeType === 1 && n.hasAttribute('data-actionagent-mask');
          const silent = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'META', 'LINK', 'STYLE', 'TITLE', 'BASE']);
          let pending = new Set(), overflow = false, total = 0, custom = false, inputAt = null;
          const doc = Date.now().toString(36) + Math.random().toString(36).slice(2);
          const keep = (el) => {
            if (!el || el.nodeType !== 1 || ours(el) || silent.has(el.tagName)) return;
            // A custom element draws inside a shadow root, which this count does not see.
            if (el.tagName.includes('-')) custom = true;
            if (pending.size >= 200) overflow = true; else pending.add(el);
          };
          new MutationObserver((records) => {
            for (const r of records) {
              if (r.type === 'attributes') { if (!r.attributeName.startsWith('data-actionagent')) keep(r.target); }
              else if (r.type === 'characterData') keep(r.target.parentElement);
              else for (const n of r.addedNodes) keep(n.nodeType === 3 ? (/\S/.test(n.data) ? n.parentElement : null) : n);
            }
          }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
          // A scroll the page makes after a press or a click is its doing (a "back to top" button, a list jumping to
          // its end): where the page stood at the last press is kept, and a box that scrolls after it is counted (its
          // scroll event comes with the next frame). The scroll that brings a target into view comes before the press.
          const input = () => { inputAt = [scrollX, scrollY]; };
          addEventListener('pointerdown', input, { capture: true, passive: true });
          addEventListener('keydown', input, { capture: true, passive: true });
          addEventListener('scroll', (e) => { if (inputAt && e.target !== document) keep(e.target); }, { capture: true, passive: true });
          const read = () => {
            const vw = innerWidth, vh = innerHeight;
            if (overflow) total += 1;
            else if (vw > 0 && vh > 0) {
              let area = 0;
              for (const el of pending) {
                if (!el.isConnected) continue;
                const b = el.getBoundingClientRect();
                area += Math.max(0, Math.min(b.right, vw) - Math.max(b.left, 0)) * Math.max(0, Math.min(b.bottom, vh) - Math.max(b.top, 0));
              }
              total += area / (vw * vh);
            }
            if (inputAt && vw > 0 && vh > 0) total += Math.min(1, Math.abs(scrollX - inputAt[0]) / vw + Math.abs(scrollY - inputAt[1]) / vh);
            pending = new Set();
            overflow = false;
            inputAt = null;
            // A canvas, a video, a frame, a plug-in or a custom element draws what no element of the document says:
            // only pictures tell there.
            const opaque = custom || [...document.querySelectorAll('canvas,video,iframe,frame,embed,object')].some((e) => {
              const b = e.getBoundingClientRect();
              return b.width > 0 && b.height > 0 && b.right > 0 && b.bottom > 0 && b.left < vw && b.top < vh;
            });
            return { doc, share: total, opaque };
          };
          Object.defineProperty(window, '__actionAgentDomChanges', { value: read });
        })()
        """;

    /// <summary>
    /// Sets the meter up in the context's new documents and in the page's current one (an attached tab already has one).
    /// A page that does not answer goes without it: its observations have no <see cref="UiObservation.DomChanges"/>.
    /// </summary>
    private async Task MeterDomChangesAsync()
    {
        try
        {
            if (MeteredContexts.TryAdd(_context, new object())) await _context.AddInitScriptAsync(DomMeterScript).ConfigureAwait(false);
            await Page.EvaluateAsync(DomMeterScript).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // a page that navigates or closes meanwhile: the next document has the script, or the page goes without
        }
    }

    /// <summary>
    /// The probe's reading of the meter; null when the page has none (a document loaded before the driver), or answers
    /// something else under its name (a page that set it up itself, in a tab the driver attached to).
    /// </summary>
    private static DomChangeMeter? ReadMeter(JsonElement? probed)
    {
        if (probed is not { } found || !found.TryGetProperty("meter", out var meter) || meter.ValueKind != JsonValueKind.Object) return null;
        return meter.TryGetProperty("doc", out var doc) && doc.ValueKind == JsonValueKind.String
            && meter.TryGetProperty("share", out var share) && share.ValueKind == JsonValueKind.Number && share.TryGetDouble(out var changed) && double.IsFinite(changed)
            && meter.TryGetProperty("opaque", out var opaque) && opaque.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new DomChangeMeter(doc.GetString()!, changed, opaque.GetBoolean())
                : null;
    }
}
