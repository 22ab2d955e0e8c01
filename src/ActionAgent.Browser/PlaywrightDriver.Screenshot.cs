using System.Text.Json;
using ActionAgent.Core.Actions;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

public sealed partial class PlaywrightDriver
{
    // The CDP session used for fast captures, opened when the driver starts (or on the first screenshot); null when the
    // browser cannot give one (then every screenshot goes through Playwright's own path).
    private ICDPSession? _capture;
    private bool _captureUnavailable;

    /// <inheritdoc />
    /// <remarks>
    /// On a page without frames the picture is taken over CDP with Chromium's fast PNG encoder (lossless, larger
    /// files, a third of the time: the default encoder is most of an observation's cost), after the same preparation
    /// Playwright's screenshot makes (caret hidden, finite animations finished and infinite ones held at their start,
    /// then resumed) and with the masked elements painted over. A page with frames, or a browser without CDP, takes
    /// Playwright's path, which prepares every frame.
    /// </remarks>
    public async Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(masked);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var targets = masked.Where(t => !t.IsSemanticOnly).ToList();
        if (Page.Frames.Count == 1 && await CaptureSessionAsync().ConfigureAwait(false) is { } session)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rects = await Task.WhenAll(targets.Select(MaskRectsAsync)).ConfigureAwait(false);
            return await CaptureAsync(session, [.. rects.SelectMany(r => r)]).ConfigureAwait(false);
        }
        var locators = new List<ILocator>();
        var boxes = new List<BoundingBox>();
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await _resolver.TryOnceAsync(target).ConfigureAwait(false);
            if (outcome.Element?.Locator is { } locator) locators.Add(locator);
            else if (target.Box is { } box) boxes.Add(box);
        }
        return await PlaywrightScreenshotAsync(locators, boxes).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a masked element is now, on a page without frames, in one evaluation: every element any of its identifying
    /// layers (ref, test id, role, label, placeholder, CSS, XPath) matches, which is more than the one the secret went
    /// into rather than less. Only when none matches and the target also has a text layer does the resolver look layer
    /// by layer (a text layer matches too widely to mask by); when nothing is found, the box it was last seen in.
    /// </summary>
    private async Task<IReadOnlyList<double[]>> MaskRectsAsync(ElementTarget target)
    {
        var searched = false;
        if (_resolver.IdentifyingLayers(target) is { } any)
        {
            try
            {
                var rects = await any.EvaluateAllAsync<double[][]>(RectsScript).ConfigureAwait(false);
                if (rects.Length > 0) return rects;
                searched = true;
            }
            catch (PlaywrightException)
            {
                // a layer the page cannot evaluate (a stale ref): the resolver's pass below decides
            }
        }
        if (!searched || target.Text is not null || target.Role is null && target.Name is not null)
        {
            var outcome = await _resolver.TryOnceAsync(target).ConfigureAwait(false);
            if (outcome.Element?.Locator is { } locator) return await locator.EvaluateAllAsync<double[][]>(RectsScript).ConfigureAwait(false);
        }
        return target.Box is { } box ? [[box.X, box.Y, box.Width, box.Height]] : [];
    }

    private async Task<ICDPSession?> CaptureSessionAsync()
    {
        if (_capture is not null || _captureUnavailable) return _capture;
        try
        {
            _capture = await _context.NewCDPSessionAsync(Page).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            _captureUnavailable = true; // not Chromium, or a remote server that gives no CDP
        }
        return _capture;
    }

    // rects: the masked elements' rectangles in the viewport (one frame), painted over before the capture.
    private async Task<byte[]> CaptureAsync(ICDPSession session, List<double[]> rects)
    {
        // Whether the preparation left anything to undo (masks, the caret's style, held animations): when not, the
        // undoing evaluation is not sent (one round trip fewer on most steps).
        var prepared = await Page.EvaluateAsync<bool>(PrepareCaptureScript, rects.ToArray()).ConfigureAwait(false);
        try
        {
            var reply = await session.SendAsync("Page.captureScreenshot", new Dictionary<string, object>
            {
                ["format"] = "png",
                ["optimizeForSpeed"] = true,
            }).ConfigureAwait(false);
            // Decoded straight from the reply's UTF-8: going through a string made a 1.4 MB string per picture (the
            // base64 of ~530 KB as UTF-16) that lived on the large-object heap until a full collection, which a goal
            // run's allocations rarely trigger (bench/README.md, issue 11, session 22).
            if (reply is not { } json || !json.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
            {
                throw new PlaywrightException("The browser answered a screenshot with no picture.");
            }
            return data.GetBytesFromBase64();
        }
        finally
        {
            if (prepared) await Page.EvaluateAsync(EndCaptureScript).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> PlaywrightScreenshotAsync(List<ILocator> locators, List<BoundingBox> boxes)
    {
        // Boxes have no locator: paint them with a temporary overlay, removed right after.
        if (boxes.Count > 0) await Page.EvaluateAsync(PaintBoxesScript, boxes.Select(b => new[] { b.X, b.Y, b.Width, b.Height }).ToArray()).ConfigureAwait(false);
        try
        {
            return await Page.ScreenshotAsync(new()
            {
                Type = ScreenshotType.Png,
                Mask = locators,
                MaskColor = "#FF00FF",
                Animations = ScreenshotAnimations.Disabled,
            }).ConfigureAwait(false);
        }
        finally
        {
            if (boxes.Count > 0) await Page.EvaluateAsync(EndCaptureScript).ConfigureAwait(false);
        }
    }

    // Bounded: on a page stuck in a script loop the detach never returned, and a run that hit its time limit on such a
    // page never exited (HardTimeLimitTests).
    private async Task DetachCaptureAsync()
    {
        if (_capture is null) return;
        try
        {
            await _capture.DetachAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // the page or the connection is already gone, or the page does not answer: dropping the connection ends it
        }
    }

    private const string RectsScript = """
        (elements) => elements.map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })
        """;

    private const string PaintBoxesScript = """
        (boxes) => boxes.forEach(([x, y, w, h]) => {
          const d = document.createElement('div');
          d.setAttribute('data-actionagent-mask', '');
          d.style.cssText = `position:fixed;left:${x}px;top:${y}px;width:${w}px;height:${h}px;background:#FF00FF;z-index:2147483647;pointer-events:none`;
          document.documentElement.appendChild(d);
        })
        """;

    // Before a fast capture: the masks painted, the caret hidden, animations at rest (a finite one at its end, an
    // infinite one cancelled and kept to be played again), so two pictures of a page at rest are the same picture.
    // The caret is drawn only in a focused field (or inside a focused shadow host). Answers whether anything is left
    // to undo (EndCaptureScript): a finished animation needs no undoing.
    private const string PrepareCaptureScript = $$"""
        (boxes) => {
          ({{PaintBoxesScript}})(boxes);
          const focused = document.activeElement;
          const caret = !!focused && focused !== document.body
            && (focused.isContentEditable || focused.tagName === 'INPUT' || focused.tagName === 'TEXTAREA' || !!focused.shadowRoot);
          if (caret) {
            const style = document.createElement('style');
            style.setAttribute('data-actionagent-mask', '');
            style.textContent = '*, *::before, *::after { caret-color: transparent !important; }';
            document.documentElement.appendChild(style);
          }
          const held = [];
          for (const a of document.getAnimations()) {
            if (!a.effect || a.playbackRate === 0 || a.playState === 'idle') continue;
            try {
              if (Number.isFinite(a.effect.getComputedTiming().endTime)) a.finish();
              else { a.cancel(); held.push(a); }
            } catch { /* an animation that cannot be finished stays as it is */ }
          }
          if (held.length > 0) window.__actionAgentHeldAnimations = held;
          return boxes.length > 0 || caret || held.length > 0;
        }
        """;

    private const string EndCaptureScript = """
        () => {
          document.querySelectorAll('[data-actionagent-mask]').forEach(e => e.remove());
          for (const a of window.__actionAgentHeldAnimations ?? []) { try { a.play(); } catch { } }
          delete window.__actionAgentHeldAnimations;
        }
        """;
}
