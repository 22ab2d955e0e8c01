using System.Text.Json;
using ActionAgent.Core.Actions;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>
/// Reads an element in every layer a recording can store (role and accessible name, label, placeholder, text,
/// test id, a CSS selector, an absolute XPath, its box) in one script call, so replay can heal when one layer drifts.
/// Role and name are an approximation of the ARIA algorithms (explicit role, else the implicit role of the tag).
/// </summary>
internal static class ElementDescriber
{
    // One function used two ways: on a located element, and on the element at a point (box layer).
    internal const string DescribeFunction = """
        (el) => {
          if (!el) return null;
          const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
          const short = (s) => { s = clean(s); return s.length > 80 ? s.slice(0, 80) : s; };
          const root = el.getRootNode();
          const byId = (id) => (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
          const tag = el.tagName.toLowerCase();
          const type = (el.getAttribute('type') || 'text').toLowerCase();
          const implicitRole = () => {
            switch (tag) {
              case 'a': case 'area': return el.hasAttribute('href') ? 'link' : '';
              case 'button': return 'button';
              case 'input':
                if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
                if (type === 'checkbox') return 'checkbox';
                if (type === 'radio') return 'radio';
                if (type === 'range') return 'slider';
                if (type === 'number') return 'spinbutton';
                if (type === 'hidden') return '';
                if (el.hasAttribute('list')) return 'combobox';
                return type === 'search' ? 'searchbox' : 'textbox';
              case 'select': return (el.multiple || el.size > 1) ? 'listbox' : 'combobox';
              case 'textarea': return 'textbox';
              case 'option': return 'option';
              case 'img': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
              case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
              case 'ul': case 'ol': return 'list';
              case 'li': return 'listitem';
              case 'nav': return 'navigation';
              case 'main': return 'main';
              case 'form': return 'form';
              case 'dialog': return 'dialog';
              case 'table': return 'table';
              case 'tr': return 'row';
              case 'td': return 'cell';
              case 'th': return 'columnheader';
              case 'p': return 'paragraph';
              case 'header': return 'banner';
              case 'footer': return 'contentinfo';
              default: return '';
            }
          };
          const role = clean(el.getAttribute('role')).split(' ')[0] || implicitRole();
          const labelledBy = clean(el.getAttribute('aria-labelledby'));
          const fromIds = labelledBy ? clean(labelledBy.split(' ').map(byId).filter(Boolean).map(e => e.textContent).join(' ')) : '';
          let label = '';
          if (el.labels && el.labels.length) label = clean(Array.from(el.labels).map(l => l.innerText || l.textContent).join(' '));
          else if (fromIds) label = fromIds;
          else if (el.closest && el.closest('label')) label = clean(el.closest('label').innerText);
          const nameFromContent = ['button', 'link', 'option', 'tab', 'menuitem', 'heading', 'checkbox', 'radio', 'cell',
            'columnheader', 'switch', 'treeitem', 'row'].includes(role);
          const text = short(tag === 'input' || tag === 'textarea' || tag === 'select' ? '' : (el.innerText || el.textContent));
          const name = fromIds || clean(el.getAttribute('aria-label')) || label
            || (tag === 'input' && ['button', 'submit', 'reset'].includes(type) ? clean(el.value) : '')
            || clean(el.getAttribute('alt')) || (nameFromContent ? text : '') || clean(el.getAttribute('title'))
            || clean(el.getAttribute('placeholder'));
          const ident = /^[A-Za-z_][\w-]*$/;
          const uniqueIn = (r, sel) => { try { return r.querySelectorAll(sel).length === 1; } catch { return false; } };
          const segment = (e) => {
            const t = e.tagName.toLowerCase();
            const classes = Array.from(e.classList).filter(c => ident.test(c)).slice(0, 2).map(c => '.' + c).join('');
            const parent = e.parentElement;
            const same = parent ? Array.from(parent.children).filter(c => c.tagName === e.tagName) : [e];
            return t + classes + (same.length > 1 ? `:nth-of-type(${same.indexOf(e) + 1})` : '');
          };
          const cssPath = () => {
            if (el.id && ident.test(el.id) && uniqueIn(root, '#' + el.id)) return '#' + el.id;
            const parts = [];
            let e = el;
            while (e && e.nodeType === 1) {
              if (e !== el && e.id && ident.test(e.id) && uniqueIn(e.getRootNode(), '#' + e.id)) { parts.unshift('#' + e.id); break; }
              parts.unshift(segment(e));
              if (e.tagName === 'HTML') break;
              // Cross a shadow boundary to the host: Playwright's CSS engine pierces open shadow roots.
              e = e.parentElement || (e.getRootNode().host || null);
            }
            return parts.join(' > ');
          };
          const xpath = () => {
            if (root !== document) return '';
            const parts = [];
            for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
              const same = e.parentElement ? Array.from(e.parentElement.children).filter(c => c.tagName === e.tagName) : [e];
              parts.unshift(e.tagName.toLowerCase() + (same.length > 1 ? `[${same.indexOf(e) + 1}]` : ''));
            }
            return '/' + parts.join('/');
          };
          const r = el.getBoundingClientRect();
          return {
            role, name: short(name), label: short(label), placeholder: clean(el.getAttribute('placeholder')),
            text, testId: el.getAttribute('data-testid') || '', css: cssPath(), xpath: xpath(),
            x: r.x, y: r.y, width: r.width, height: r.height,
          };
        }
        """;

    // The facts an action needs before it acts, read with the description in the same script call: whether a field is
    // read-only, the URL of the document the element is in (where a secret may be typed), whether that document is the
    // top one, and the number widget it is, if any. On the locator's matches: exactly one, or null (it went away, or
    // another appeared: the locator no longer singles it out).
    private const string FactsFunction = """
        (els) => {
          if (els.length !== 1) return null;
          const el = els[0];
          const d = (__DESCRIBE__)(el);
          if (!d) return null;
          d.readOnly = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.readOnly;
          d.documentUrl = el.ownerDocument.location.href;
          // A ref can reach into a same-origin frame from the top document: the element's own document decides.
          d.top = window === window.top && el.ownerDocument === document;
          d.widget = (__WIDGET__)(el);
          return d;
        }
        """;

    private static readonly string Facts = FactsFunction
        .Replace("__DESCRIBE__", DescribeFunction, StringComparison.Ordinal)
        .Replace("__WIDGET__", PlaywrightDriver.ValueWidgetFunction, StringComparison.Ordinal);

    /// <summary>
    /// On a locator's matches: how many there are, and the facts of the one when there is exactly one (the resolver's
    /// count and the action's description in one call, <see cref="TargetResolver.ResolveAsync"/>).
    /// </summary>
    internal static readonly string CountedFacts = $"(els) => ({{ count: els.length, facts: els.length === 1 ? ({Facts})(els) : null }})";

    /// <summary>Describes a resolved element; null when it could not be read (it went away).</summary>
    public static async Task<ElementTarget?> DescribeAsync(IPage page, ResolvedElement element, ElementTarget requested) =>
        (await ReadAsync(page, element, requested).ConfigureAwait(false)).Target;

    /// <summary>
    /// Describes a resolved element and reads what acting on it needs, in one call to the page when the element is in
    /// the top document (a frame's path and box take more). <see cref="ElementFacts.Read"/> is false when it could not
    /// be read (it went away); the caller then asks the page for each fact itself.
    /// </summary>
    public static async Task<ElementFacts> ReadAsync(IPage page, ResolvedElement element, ElementTarget requested)
    {
        try
        {
            JsonElement json;
            if (element.Facts is { } read)
            {
                json = read; // read by the resolver with its count of the matches, a moment ago
            }
            else if (element.Locator is { } locator)
            {
                // All matches in one round trip (no wait: the resolver has just counted exactly one visible match). A ref
                // may point into a frame, which only the element's own evaluation reaches.
                // A ref names one element, which may have left the page since: its evaluation does not wait for it long.
                json = element.Layer == "ref"
                    ? await locator.EvaluateAsync<JsonElement>($"el => ({Facts})([el])", null, new() { Timeout = 1000 }).ConfigureAwait(false)
                    : await locator.EvaluateAllAsync<JsonElement>(Facts).ConfigureAwait(false);
            }
            else
            {
                var (x, y) = element.Box!.Center;
                json = await page.EvaluateAsync<JsonElement>(
                    $"([x, y]) => ({DescribeFunction})(document.elementFromPoint(x, y))", new[] { x, y }).ConfigureAwait(false);
            }
            if (BoxOf(json) is not { } box) return new ElementFacts(requested.Box is null ? null : new ElementTarget { Box = requested.Box });
            IReadOnlyList<string>? framePath = null;
            var top = !json.TryGetProperty("top", out var topValue) || topValue.ValueKind != JsonValueKind.False;
            if (element.Locator is { } framed && !top)
            {
                // A ref resolves through the page, so its element's frame is asked of the element itself.
                var owner = element.Layer == "ref" ? await OwnerFrameAsync(framed).ConfigureAwait(false) : element.Frame;
                if (owner is not null && owner != page.MainFrame)
                {
                    framePath = await FramePathAsync(owner).ConfigureAwait(false);
                    // getBoundingClientRect is relative to the iframe; recordings want viewport coordinates.
                    if (await framed.BoundingBoxAsync(new() { Timeout = 1000 }).ConfigureAwait(false) is { } b)
                    {
                        box = new BoundingBox(b.X, b.Y, b.Width, b.Height);
                    }
                }
            }
            var target = new ElementTarget
            {
                Role = NullIfEmpty(json, "role"),
                Name = NullIfEmpty(json, "name"),
                Label = NullIfEmpty(json, "label"),
                Placeholder = NullIfEmpty(json, "placeholder"),
                Text = NullIfEmpty(json, "text"),
                TestId = NullIfEmpty(json, "testId"),
                Css = NullIfEmpty(json, "css"),
                XPath = NullIfEmpty(json, "xpath"),
                Box = box,
                FramePath = framePath,
                Description = requested.Description,
            };
            if (element.Locator is null) return new ElementFacts(target);
            var widget = json.TryGetProperty("widget", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : "").ToArray()
                : null;
            return new ElementFacts(target, Read: true,
                ReadOnly: json.TryGetProperty("readOnly", out var readOnly) && readOnly.ValueKind == JsonValueKind.True,
                DocumentUrl: NullIfEmpty(json, "documentUrl"),
                ValueWidget: widget);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return new ElementFacts(null); // gone, or not readable: the action itself says what became of the element
        }
    }

    /// <summary>Where the described element is drawn (viewport coordinates), as its facts say; null when they are no description.</summary>
    internal static BoundingBox? BoxOf(JsonElement? facts)
    {
        if (facts is not { ValueKind: JsonValueKind.Object } read) return null;
        return read.TryGetProperty("x", out var x) && read.TryGetProperty("y", out var y) && read.TryGetProperty("width", out var w) && read.TryGetProperty("height", out var h)
            && x.ValueKind == JsonValueKind.Number && y.ValueKind == JsonValueKind.Number && w.ValueKind == JsonValueKind.Number && h.ValueKind == JsonValueKind.Number
            ? new BoundingBox(x.GetDouble(), y.GetDouble(), w.GetDouble(), h.GetDouble())
            : null;
    }

    // How an iframe is named in the document around it: its id, name or title when they single it out, else its place.
    private const string FrameSelectorFunction = """
        (el) => {
          const doc = el.ownerDocument;
          const tag = el.tagName.toLowerCase();
          const one = (sel) => { try { return doc.querySelectorAll(sel).length === 1; } catch { return false; } };
          if (el.id && /^[A-Za-z_][\w-]*$/.test(el.id) && one('#' + el.id)) return '#' + el.id;
          for (const attr of ['name', 'title', 'aria-label']) {
            const v = el.getAttribute(attr);
            if (v) { const sel = `${tag}[${attr}=${JSON.stringify(v)}]`; if (one(sel)) return sel; }
          }
          const all = Array.from(doc.querySelectorAll(tag));
          return `${tag} >> nth=${all.indexOf(el)}`;
        }
        """;

    private static async Task<IFrame?> OwnerFrameAsync(ILocator locator)
    {
        var handle = await locator.ElementHandleAsync(new() { Timeout = 1000 }).ConfigureAwait(false);
        return await handle.OwnerFrameAsync().ConfigureAwait(false);
    }

    /// <summary>The selectors of the iframes from the page down to <paramref name="frame"/>, outermost first.</summary>
    internal static async Task<IReadOnlyList<string>?> FramePathAsync(IFrame frame)
    {
        var path = new List<string>();
        for (var current = frame; current.ParentFrame is not null; current = current.ParentFrame)
        {
            var element = await current.FrameElementAsync().ConfigureAwait(false);
            path.Insert(0, await element.EvaluateAsync<string>(FrameSelectorFunction).ConfigureAwait(false));
        }
        return path.Count == 0 ? null : path;
    }

    private static string? NullIfEmpty(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
