using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>
/// Resolves an <see cref="ElementTarget"/> layer by layer, in the order its documentation gives. A layer succeeds when
/// it matches exactly one visible element; several visible matches make it ambiguous and the next layer is tried.
/// DOM layers look in the main frame first, then in every child frame (same- or cross-origin); Playwright's role, text
/// and CSS engines pierce open shadow roots. Passes repeat until the timeout, so elements that appear late are found;
/// between passes the page itself waits for a layer to show (<see cref="PauseAsync"/>), not a fixed sleep.
/// The box layer (coordinates) is a last resort: it is used at once when it is the only layer, otherwise only after
/// the DOM layers have failed for a grace period, so a slow page is not clicked blind.
/// </summary>
internal sealed class TargetResolver(IPage page, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);
    // The longest a wait in the page runs between two passes (it does not take the cancellation token).
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(1);
    // Long enough that a page slowed by a busy machine (a CI runner) is not clicked blind by its recorded coordinates.
    private static readonly TimeSpan MaxBoxGrace = TimeSpan.FromSeconds(5);

    private static readonly ResolveOutcome NotYetSeen = new(null, [], false);

    private static readonly HashSet<string> InteractiveRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "button", "link", "textbox", "searchbox", "combobox", "checkbox", "radio", "option", "menuitem", "tab",
        "switch", "slider", "spinbutton", "listbox", "heading",
    };

    /// <summary>
    /// Resolves the target, polling until it is found or <paramref name="timeout"/> runs out. With
    /// <paramref name="readFacts"/>, a DOM layer's single match is described in the same call that counts the matches
    /// (<see cref="ResolvedElement.Facts"/>), for an action that needs them anyway.
    /// </summary>
    public async Task<ResolveOutcome> ResolveAsync(ElementTarget target, TimeSpan timeout, CancellationToken cancellationToken, bool readFacts = false,
        bool likelyLate = false)
    {
        var start = time.GetTimestamp();
        var grace = TimeSpan.FromTicks(Math.Min(MaxBoxGrace.Ticks, timeout.Ticks / 2));
        var hasDomLayer = DomLayers(target).Any();
        // likelyLate (a wait for an element): the element is usually not drawn yet, so the page's own wait for it is sent
        // with the first pass instead of after that pass's miss. The passes still decide, layer by layer, as before.
        var pause = likelyLate && hasDomLayer && target.Box is null && timeout > TimeSpan.Zero
            ? PauseAsync(target, NotYetSeen, timeout, cancellationToken)
            : null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Passes that may be followed by another skip counting the hidden matches (only a failure's note needs them).
            var outcome = await TryOnceAsync(target, readFacts, countHidden: false).ConfigureAwait(false);
            if (outcome.Element is not null)
            {
                Abandon(pause); // a wait sent with the first pass ends in the page by itself (at once: the element shows)
                return outcome;
            }
            var elapsed = time.GetElapsedTime(start);
            if (target.Box is { } box && (!hasDomLayer || elapsed >= grace))
            {
                var tried = outcome.Tried.Append($"box {box}: used").ToList();
                return new ResolveOutcome(new ResolvedElement("box", null, box, page.MainFrame), tried, false);
            }
            if (elapsed >= timeout)
            {
                Abandon(pause);
                return await TryOnceAsync(target, readFacts).ConfigureAwait(false);
            }
            var until = target.Box is not null && hasDomLayer && grace < timeout ? grace : timeout;
            if (pause is not null && !outcome.Ambiguous)
            {
                await pause.ConfigureAwait(false);
            }
            else
            {
                Abandon(pause);
                await PauseAsync(target, outcome, until - elapsed, cancellationToken).ConfigureAwait(false);
            }
            pause = null;
        }
    }

    // A wait no longer needed is not awaited; whatever it ends with is observed here, not left unobserved.
    private static void Abandon(Task? pause) =>
        pause?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>
    /// Between two passes: until one of the target's DOM layers has a visible match in the page (Playwright's own wait,
    /// in the page, so a late element is acted on as soon as it shows, as a plain Playwright program's auto-wait would),
    /// at most <paramref name="left"/> and <see cref="MaxPause"/>. The next pass then decides, layer by layer, as before.
    /// Where that wait cannot tell (a layer that matched several, frames, a ref) it sleeps <see cref="PollInterval"/>.
    /// </summary>
    private async Task PauseAsync(ElementTarget target, ResolveOutcome last, TimeSpan left, CancellationToken cancellationToken)
    {
        ILocator? any = null;
        if (!last.Ambiguous && target.Ref is null && target.FramePath is not { Count: > 0 } && page.Frames.Count == 1)
        {
            try
            {
                foreach (var (_, _, build) in DomLayers(target))
                {
                    var layer = build(page.MainFrame);
                    any = any is null ? layer : any.Or(layer);
                }
            }
            catch (ArgumentException)
            {
                any = null; // a layer that cannot be built (an unknown role): the pass reports it
            }
        }
        if (any is not null)
        {
            var window = left < MaxPause ? left : MaxPause;
            try
            {
                await any.Filter(new() { Visible = true }).First.WaitForAsync(new() { Timeout = (float)Math.Max(1, window.TotalMilliseconds) }).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                return; // nothing showed within the window: the next pass says what was tried
            }
            catch (PlaywrightException)
            {
                // an invalid selector or a page that navigated: sleep, and let the next pass report it
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The locator of a target that is one DOM layer and nothing else (no ref, box or frame path) on a page without
    /// frames: the only place such a target can resolve to, so an action can be sent without a pass first
    /// (<see cref="PlaywrightDriver"/>'s click). Null for anything else.
    /// </summary>
    internal (string Layer, ILocator Locator)? SingleLayer(ElementTarget target)
    {
        if (target.Ref is not null || target.Box is not null || target.FramePath is { Count: > 0 } || page.Frames.Count != 1) return null;
        var layers = DomLayers(target).Take(2).ToList();
        if (layers.Count != 1) return null;
        try
        {
            return (layers[0].Layer, layers[0].Build(page.MainFrame));
        }
        catch (ArgumentException)
        {
            return null; // a layer that cannot be built (an unknown role): the resolver reports it
        }
    }

    /// <summary>
    /// Every element of the main frame that one of the target's identifying layers matches (its ref, test id, role,
    /// label, placeholder, CSS and XPath; not its text, which matches too widely), as one locator; null when it has
    /// none or one cannot be built. For masking, where more is safer than less (<see cref="PlaywrightDriver"/>).
    /// </summary>
    internal ILocator? IdentifyingLayers(ElementTarget target)
    {
        ILocator? any = target.Ref is { } reference ? page.GetByRef(reference) : null;
        try
        {
            foreach (var (layer, _, build) in DomLayers(target))
            {
                if (layer is "text" or "name") continue;
                var locator = build(page.MainFrame);
                any = any is null ? locator : any.Or(locator);
            }
        }
        catch (ArgumentException)
        {
            return null; // a layer that cannot be built (an unknown role): the resolver reports it
        }
        return any;
    }

    /// <summary>
    /// One pass over the layers, without waiting (<paramref name="readFacts"/>: see <see cref="ResolveAsync"/>). With
    /// <paramref name="countHidden"/>, a layer without a visible match also counts its hidden ones, for the note.
    /// </summary>
    public async Task<ResolveOutcome> TryOnceAsync(ElementTarget target, bool readFacts = false, bool countHidden = true)
    {
        var tried = new List<string>();
        var ambiguous = false;
        if (await ByRoleBeforeRefAsync(target, readFacts).ConfigureAwait(false) is { } byRole)
        {
            tried.Add($"{byRole.Description}: found");
            return new ResolveOutcome(byRole.Element, tried, false);
        }
        if (target.Ref is { } reference)
        {
            // A ref may point into a frame, which only the element's own evaluation reaches: its facts are read apart.
            var (found, _, note, isAmbiguous) = await ProbeAsync(page.GetByRef(reference), page.MainFrame, readFacts: false, countHidden).ConfigureAwait(false);
            tried.Add($"ref {reference}: {note}");
            ambiguous |= isAmbiguous;
            if (found is not null) return new ResolveOutcome(new ResolvedElement("ref", found, null, page.MainFrame), tried, false);
        }
        var frames = Frames().ToList();
        if (target.FramePath is { Count: > 0 } path)
        {
            // The recorded frame first; when it is gone (the page changed), every frame, as for a target without one.
            var (entered, note) = await EnterAsync(path).ConfigureAwait(false);
            tried.Add($"frame {string.Join(" > ", path)}: {note}");
            if (entered is not null) frames = [entered];
        }
        foreach (var (layer, description, build) in DomLayers(target))
        {
            var notes = new List<string>();
            foreach (var frame in frames)
            {
                ILocator locator;
                try
                {
                    locator = build(frame);
                }
                catch (ArgumentException ex)
                {
                    notes.Add(ex.Message);
                    break;
                }
                var (found, facts, note, isAmbiguous) = await ProbeAsync(locator, frame, readFacts, countHidden).ConfigureAwait(false);
                if (found is not null)
                {
                    tried.Add($"{description}: found{(frame == page.MainFrame ? "" : " in frame " + FrameName(frame))}");
                    return new ResolveOutcome(new ResolvedElement(layer, found, null, frame, facts), tried, false);
                }
                if (isAmbiguous)
                {
                    ambiguous = true;
                    notes.Add(frame == page.MainFrame ? note : $"{note} in frame {FrameName(frame)}");
                    break; // several matches in one frame: this layer is ambiguous, looking further cannot fix that
                }
                if (note != "no match") notes.Add(frame == page.MainFrame ? note : $"{note} in frame {FrameName(frame)}");
            }
            tried.Add($"{description}: {(notes.Count == 0 ? "no match" : string.Join(", ", notes))}");
        }
        return new ResolveOutcome(null, tried, ambiguous);
    }

    /// <summary>
    /// A ref names the element a planner saw, as it was then. A page may draw an equal element in its place right after
    /// (a suggestion list answering late), and an action on the ref then waits out its whole time for an element that is
    /// gone (a run's step failed so, on a fast machine, in the LLM planner's end-to-end test). When the target's role and
    /// name single out one visible element of a page without frames, that layer is used instead: it is the element the
    /// ref names, as long as that one is still drawn, and Playwright finds it again by role and name when it acts,
    /// whatever was drawn again; its facts come with its count, one round trip fewer than a ref's. Otherwise (several
    /// matches, none, a page with frames, one drawn elsewhere than the planner saw the ref's) null: the ref decides, as
    /// before.
    /// </summary>
    private async Task<(ResolvedElement Element, string Description)?> ByRoleBeforeRefAsync(ElementTarget target, bool readFacts)
    {
        if (target.Ref is null || string.IsNullOrEmpty(target.Name) || target.FramePath is { Count: > 0 } || page.Frames.Count != 1) return null;
        if (DomLayers(target).FirstOrDefault(l => l.Layer == "role") is not { Build: not null } role) return null;
        ILocator byRole;
        try
        {
            byRole = role.Build(page.MainFrame);
        }
        catch (ArgumentException)
        {
            return null; // an unknown role: the ref, and then the pass, say what they find
        }
        var (found, facts, _, _) = await ProbeAsync(byRole, page.MainFrame, readFacts, countHidden: false).ConfigureAwait(false);
        if (found is null) return null;
        // Where the planner saw it: an element that now carries the name elsewhere (a switch named by its state, whose
        // name the other one had) is not the one the ref names, and the ref decides. An element drawn again is drawn in
        // the same place. (Where the place was not read with the count, the ref decides too.)
        if (target.Box is { } seen && (ElementDescriber.BoxOf(facts) is not { } now || seen.IntersectionOverUnion(now) <= 0)) return null;
        return (new ResolvedElement("role", found, null, page.MainFrame, facts), role.Description);
    }

    /// <summary>The accessible names on the page nearest to what the target asks for, for error messages.</summary>
    public async Task<IReadOnlyList<string>> ClosestNamesAsync(ElementTarget target, int count = 5)
    {
        string snapshot;
        try
        {
            snapshot = await page.AriaSnapshotAsync(new() { Mode = AriaSnapshotMode.Ai, Timeout = 2000 }).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            return [];
        }
        var wanted = target.Name ?? target.Label ?? target.Text ?? target.Placeholder ?? target.TestId ?? target.Description ?? "";
        var nodes = AriaSnapshotParser.Parse(snapshot)
            .SelectMany(n => n.DescendantsAndSelf())
            .Where(n => n.Name.Length > 0)
            .Where(n => target.Role is null
                ? InteractiveRoles.Contains(n.Role)
                : string.Equals(n.Role, target.Role, StringComparison.OrdinalIgnoreCase))
            .Select(n => $"{n.Role} \"{n.Name}\"")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return [.. nodes.OrderByDescending(n => Similarity(wanted, n)).Take(count)];
    }

    /// <summary>Enters the frames of a frame path, outermost first; null with the reason when one is not there.</summary>
    private async Task<(IFrame? Frame, string Note)> EnterAsync(IReadOnlyList<string> path)
    {
        var frame = page.MainFrame;
        foreach (var selector in path)
        {
            try
            {
                var element = frame.Locator(selector);
                if (await element.CountAsync().ConfigureAwait(false) != 1) return (null, $"{selector} matches no single frame");
                var handle = await element.ElementHandleAsync(new() { Timeout = 1000 }).ConfigureAwait(false);
                if (await handle.ContentFrameAsync().ConfigureAwait(false) is not { } inner) return (null, $"{selector} is not a frame");
                frame = inner;
            }
            catch (PlaywrightException ex)
            {
                return (null, $"{selector}: {FirstLine(ex.Message)}");
            }
        }
        return (frame, "entered");
    }

    private IEnumerable<IFrame> Frames() =>
        new[] { page.MainFrame }.Concat(page.Frames.Where(f => f != page.MainFrame && !f.IsDetached));

    private static string FrameName(IFrame frame) => string.IsNullOrEmpty(frame.Name) ? frame.Url : $"\"{frame.Name}\" ({frame.Url})";

    private static IEnumerable<(string Layer, string Description, Func<IFrame, ILocator> Build)> DomLayers(ElementTarget target)
    {
        if (target.TestId is { } testId)
        {
            yield return ("testid", $"testid \"{testId}\"", f => f.GetByTestId(testId));
        }
        if (target.Role is { } role)
        {
            var name = target.Name;
            var description = name is null ? $"role {role}" : $"role {role} \"{name}\"";
            yield return ("role", description, f => f.GetByRole(ParseRole(role), new() { Name = name, Exact = target.Exact }));
        }
        else if (target.Name is { } bareName)
        {
            // A name without a role: whatever is labelled or reads that way.
            yield return ("name", $"name \"{bareName}\"",
                f => f.GetByLabel(bareName, new() { Exact = target.Exact }).Or(f.GetByText(bareName, new() { Exact = target.Exact })));
        }
        if (target.Label is { } label)
        {
            yield return ("label", $"label \"{label}\"", f => f.GetByLabel(label, new() { Exact = target.Exact }));
        }
        if (target.Placeholder is { } placeholder)
        {
            yield return ("placeholder", $"placeholder \"{placeholder}\"", f => f.GetByPlaceholder(placeholder, new() { Exact = target.Exact }));
        }
        if (target.Text is { } text)
        {
            yield return ("text", $"text \"{text}\"", f => f.GetByText(text, new() { Exact = target.Exact }));
        }
        if (target.Css is { } css)
        {
            yield return ("css", $"css {css}", f => f.Locator(css));
        }
        if (target.XPath is { } xpath)
        {
            yield return ("xpath", $"xpath {xpath}", f => f.Locator("xpath=" + xpath));
        }
    }

    internal static AriaRole ParseRole(string role) =>
        Enum.TryParse<AriaRole>(role.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"unknown ARIA role \"{role}\"");

    /// <summary>
    /// Counts the visible matches of a locator: one is a find, several are ambiguous. With <paramref name="readFacts"/>
    /// the count and the single match's facts come from one evaluation of the matches (one round trip, where a count
    /// and then a description took two, and the element cannot change between them).
    /// </summary>
    private static async Task<(ILocator? Found, JsonElement? Facts, string Note, bool Ambiguous)> ProbeAsync(ILocator locator, IFrame frame, bool readFacts, bool countHidden)
    {
        try
        {
            var visible = locator.Filter(new() { Visible = true });
            int visibleCount;
            JsonElement? facts = null;
            if (readFacts)
            {
                var counted = await visible.EvaluateAllAsync<JsonElement>(ElementDescriber.CountedFacts).ConfigureAwait(false);
                visibleCount = counted.GetProperty("count").GetInt32();
                facts = counted.GetProperty("facts");
            }
            else
            {
                visibleCount = await visible.CountAsync().ConfigureAwait(false);
            }
            if (visibleCount == 1) return (visible, facts, "found", false);
            if (visibleCount > 1) return (null, null, $"{visibleCount} visible matches (ambiguous)", true);
            if (!countHidden) return (null, null, "no visible match", false);
            var all = await locator.CountAsync().ConfigureAwait(false);
            return (null, null, all == 0 ? "no match" : $"{all.ToString(CultureInfo.InvariantCulture)} match(es), none visible", false);
        }
        catch (PlaywrightException ex) when (!frame.IsDetached)
        {
            return (null, null, $"invalid ({FirstLine(ex.Message)})", false);
        }
        catch (PlaywrightException)
        {
            return (null, null, "frame went away", false);
        }
    }

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    // Similarity in [0,1] from edit distance, with a bonus for containment, for ranking "closest" names.
    private static double Similarity(string wanted, string candidate)
    {
        if (wanted.Length == 0) return 0;
        var quote = candidate.IndexOf('"', StringComparison.Ordinal);
        var name = quote >= 0 ? candidate[(quote + 1)..^1] : candidate;
        var a = wanted.ToUpperInvariant();
        var b = name.ToUpperInvariant();
        if (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal)) return 1.0 + (1.0 / (1 + Math.Abs(a.Length - b.Length)));
        var distance = Levenshtein(a, b);
        return 1.0 - ((double)distance / Math.Max(a.Length, b.Length));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
