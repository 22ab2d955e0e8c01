using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Vision.Segmentation;
using ActionAgent.Vision.Verification;

namespace ActionAgent.Vision;

/// <summary>
/// The embedded screen check: change detection (screen pixels, accessibility tree, location), new alerts and
/// validation messages, error pages, and a semantic match of the expectation to the screen's text (accessibility
/// tree, and OCR of the screenshot when the tree says little). Conservative: it fails a step only on strong evidence.
/// </summary>
public sealed class EmbeddedScreenVerifier : IScreenVerifier
{
    private const int MaxPhrases = 200;
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "of", "on", "in", "to", "for", "with", "is", "are", "be", "page", "screen", "shows", "showing", "show", "that", "this", "its", "it",
    };

    private readonly ITextEmbedder? _embedder;
    private readonly VisionOptions _options;
    private readonly ScreenSegmenter _segmenter;

    /// <summary>Creates the check; without an embedder the expectation is matched by words only.</summary>
    public EmbeddedScreenVerifier(ITextEmbedder? embedder, VisionOptions? options = null)
        : this(embedder, options ?? new VisionOptions(), null)
    {
    }

    /// <summary>A check that reads screenshots through <paramref name="segmenter"/> (the locator's, so a screenshot is read once for both).</summary>
    internal EmbeddedScreenVerifier(ITextEmbedder? embedder, VisionOptions options, ScreenSegmenter? segmenter)
    {
        _embedder = embedder;
        _options = options;
        _options.Validate();
        _segmenter = segmenter ?? new ScreenSegmenter(options);
    }

    /// <inheritdoc />
    public string Name => "embedded";

    /// <inheritdoc />
    /// <remarks>
    /// The pictures are compared only when the address, title and tree say nothing changed and there is one from before
    /// the step to compare with (without it, the page's count of its changes decides alone), and read (OCR) only to
    /// match an expectation the tree may not show: a step with no expectation whose page changed is checked on the tree
    /// alone.
    /// </remarks>
    public bool NeedsScreenshot(ScreenCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return !string.IsNullOrWhiteSpace(check.Expectation) || (check.Before.Screenshot is not null && !Changes(check.Before, check.After).Tree);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The pictures before and after decide only when the tree says nothing changed; that matters for a step that should
    /// visibly act (a click, a key press), a step with an expectation, and an app that shows no tree. Where the page
    /// counts its visible DOM changes (<see cref="UiObservation.DomChanges"/>) and draws nothing its DOM does not say,
    /// the count decides instead, and no picture from before is needed.
    /// </remarks>
    public bool NeedsScreenshotBefore(PlanStep step, UiObservation before)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(before);
        // A goto changes the address: its pixels are never compared.
        if (step.Action == ActionKind.Goto) return false;
        if (before.SnapshotText.Length == 0) return true;
        if (!ShouldVisiblyAct(step) && string.IsNullOrWhiteSpace(step.Expect)) return false;
        return before.DomChanges is not { Opaque: false };
    }

    /// <inheritdoc />
    public async Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (before, after, step) = (check.Before, check.After, check.Step);
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
        var (locationChanged, titleChanged, hasTree, domChanged, treeChanged) = Changes(before, after);
        // The pixels decide only when the address, title and tree say nothing changed: only then are they compared
        // (decoding a screenshot is nearly all of this check's time).
        var ratio = treeChanged ? null : ScreenChange.Ratio(before.Screenshot, after.Screenshot);
        // The page's own count of visible DOM changes between the two observations (null where it cannot tell: no
        // count, another document, a canvas, a frame or a custom element in view).
        var domShare = treeChanged ? null : DomChangeMeter.Between(before.DomChanges, after.DomChanges);
        // Without either, nothing is known of what the screen shows: no change is claimed, and none is denied either.
        var screenKnown = treeChanged || ratio is not null || domShare is not null;
        // Where both tell, both must show the change: the pixels also change with the pointer's hover, a focus ring or
        // the scroll that brought the target into view, none of which is the step's effect; the count, with an
        // attribute nobody sees.
        var screenChanged = !treeChanged && screenKnown
            && (ratio is null || ratio >= _options.ChangeRatioThreshold)
            && (domShare is null || domShare >= _options.ChangeRatioThreshold);
        evidence["locationChanged"] = locationChanged ? $"{before.Location} -> {after.Location}" : "no";
        evidence["domChanged"] = hasTree ? (domChanged ? "yes" : "no") : "no tree";
        evidence["changeRatio"] = treeChanged ? "not compared (the page changed)"
            : ratio is null ? "unknown" : ratio.Value.ToString("0.0000", CultureInfo.InvariantCulture);
        if (domShare is { } share) evidence["domChangeShare"] = share.ToString("0.0000", CultureInfo.InvariantCulture);

        // A page that now says error or not found, in its title or address.
        if ((locationChanged || titleChanged) && IsErrorPage(after.Title, after.Location) && !IsErrorPage(before.Title, before.Location))
        {
            evidence["title"] = after.Title;
            return Verdict(VerdictOutcome.Failed, 0.85, $"The page is now an error page (\"{after.Title}\" at {after.Location}).", evidence);
        }

        // A validation message, an error banner or an alert that was not there before.
        var alerts = ScreenText.NewAlerts(before, after);
        if (alerts.Count > 0 && !ExpectsAnError(check.Expectation))
        {
            evidence["newAlert"] = string.Join(" | ", alerts.Take(3));
            return Verdict(VerdictOutcome.Failed, 0.85, $"A message appeared: \"{Shorten(alerts[0])}\".", evidence);
        }

        // A click or a press that should act, after which nothing at all changed.
        var changed = treeChanged || screenChanged;
        if (!changed && ShouldVisiblyAct(step))
        {
            if (!screenKnown)
            {
                return Verdict(VerdictOutcome.Unsure, 0.4, $"The page's tree did not change after the {step.Action.ToName()}, and there are not two pictures to compare: the check cannot tell whether it had an effect.", evidence);
            }
            return Verdict(VerdictOutcome.Failed, 0.75, $"Nothing changed on the screen or in the page after the {step.Action.ToName()} on {step.Target?.ToString() ?? "the page"} (it may be disabled or covered).", evidence);
        }

        if (!string.IsNullOrWhiteSpace(check.Expectation))
        {
            return await CheckExpectationAsync(check, changed, evidence, cancellationToken).ConfigureAwait(false);
        }
        if (changed) return Verdict(VerdictOutcome.Passed, 0.6, "The step changed the page and no error appeared.", evidence);
        return ShouldVisiblyAct(step)
            ? Verdict(VerdictOutcome.Unsure, 0.4, "The check could not tell whether the step had an effect.", evidence)
            : Verdict(VerdictOutcome.Passed, 0.55, $"A {step.Action.ToName()} step need not change the screen, and no error appeared.", evidence);
    }

    private static (bool Location, bool Title, bool HasTree, bool Dom, bool Tree) Changes(UiObservation before, UiObservation after)
    {
        var location = !string.Equals(before.Location, after.Location, StringComparison.Ordinal);
        var title = !string.Equals(before.Title, after.Title, StringComparison.Ordinal);
        var hasTree = after.SnapshotText.Length > 0 || before.SnapshotText.Length > 0;
        var dom = hasTree && !string.Equals(ScreenText.Stable(before), ScreenText.Stable(after), StringComparison.Ordinal);
        return (location, title, hasTree, dom, location || title || dom);
    }

    private async Task<ScreenVerdict> CheckExpectationAsync(ScreenCheck check, bool changed, Dictionary<string, string> evidence, CancellationToken cancellationToken)
    {
        var expectation = check.Expectation!.Trim();
        var phrases = ScreenText.Phrases(check.After).ToList();
        var match = await MatchAsync(expectation, phrases, cancellationToken).ConfigureAwait(false);
        // The tree may say little (a canvas, a desktop app): read the screenshot itself.
        if (!match.Shows(_options) && check.After.Screenshot is { } shot)
        {
            var lines = await ReadLinesAsync(shot, cancellationToken).ConfigureAwait(false);
            evidence["ocrSample"] = Shorten(string.Join(" | ", lines), 300);
            var ocrMatch = await MatchAsync(expectation, lines, cancellationToken).ConfigureAwait(false);
            if (ocrMatch.Shows(_options) || ocrMatch.Strength > match.Strength) match = ocrMatch;
        }
        evidence["expectation"] = expectation;
        evidence["matchedPhrase"] = Shorten(match.Phrase);
        evidence["similarity"] = match.Similarity is { } similarity
            ? similarity.ToString("0.00", CultureInfo.InvariantCulture)
            : "not computed (every word of the expectation is on the screen)";
        evidence["wordShare"] = match.WordShare.ToString("0.00", CultureInfo.InvariantCulture);

        if (match.Shows(_options))
        {
            return Verdict(VerdictOutcome.Passed, Math.Min(0.95, 0.5 + (match.Strength / 2)), $"The screen shows \"{Shorten(match.Phrase)}\", which matches \"{expectation}\".", evidence);
        }
        if (match.Strength < _options.ExpectationAbsentSimilarity && changed)
        {
            return Verdict(VerdictOutcome.Failed, 0.65, $"The screen does not show \"{expectation}\"; the closest it shows is \"{Shorten(match.Phrase)}\".", evidence);
        }
        return Verdict(VerdictOutcome.Unsure, 0.45, $"The screen may not show \"{expectation}\" (closest: \"{Shorten(match.Phrase)}\", similarity {match.Similarity ?? 0:0.00}, {match.WordShare:0%} of its words on the screen).", evidence);
    }

    // The screenshot's text, region by region: segmented and read once per screenshot (shared with the locator), and
    // only the regions that changed since an earlier screenshot go to tesseract. Per-region reading also gets the light
    // text on coloured buttons that whole-screen OCR misses.
    private async Task<IReadOnlyList<string>> ReadLinesAsync(byte[] screenshot, CancellationToken cancellationToken)
    {
        var regions = await _segmenter.SegmentAsync(screenshot, cancellationToken).ConfigureAwait(false);
        return [.. regions.Select(r => r.Description).Where(l => l.Length > 1).Distinct(StringComparer.Ordinal)];
    }

    private async Task<ExpectationMatch> MatchAsync(string expectation, IReadOnlyList<string> phrases, CancellationToken cancellationToken)
    {
        if (phrases.Count == 0) return new ExpectationMatch("", 0, 0);
        var content = RegionRanker.Words(expectation).Where(w => !StopWords.Contains(w) && w.Length > 1).Distinct().ToList();
        var screenWords = new HashSet<string>(phrases.SelectMany(RegionRanker.Words), StringComparer.OrdinalIgnoreCase);
        var wordShare = content.Count == 0 ? 0 : content.Count(screenWords.Contains) / (double)content.Count;
        var best = phrases.OrderByDescending(p => RegionRanker.Words(p).Count(content.Contains)).First();
        // Every content word on the screen is the strongest match there is (Strength is the larger of the two): no
        // similarity could change the verdict or its confidence, so the phrases are not embedded (a goal run's final
        // check of the confirmation page embedded 47 texts in one padded batch: 0.54-0.61 s).
        if (wordShare >= 1.0) return new ExpectationMatch(best, null, wordShare);
        var similarity = 0.0;
        if (_embedder is not null)
        {
            var candidates = phrases.Take(MaxPhrases).ToList();
            var vectors = await _embedder.EmbedAsync([expectation, .. candidates], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < candidates.Count; i++)
            {
                var s = Dot(vectors[0], vectors[i + 1]);
                if (s > similarity)
                {
                    similarity = s;
                    if (s > wordShare) best = candidates[i];
                }
            }
        }
        return new ExpectationMatch(best, similarity, wordShare);
    }

    private static bool ShouldVisiblyAct(PlanStep step) => step.Action switch
    {
        ActionKind.Click or ActionKind.Check or ActionKind.Uncheck or ActionKind.Select => true,
        ActionKind.Press => step.Value is "Enter" or "Space" or " ",
        _ => false,
    };

    private static bool IsErrorPage(string title, string location)
    {
        var path = Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.AbsolutePath : location;
        return ScreenText.ErrorPage().IsMatch(title) || ScreenText.ErrorPage().IsMatch(path.Replace('-', ' ').Replace('/', ' '));
    }

    private static bool ExpectsAnError(string? expectation) => expectation is not null && ScreenText.ErrorWords().IsMatch(expectation);

    private ScreenVerdict Verdict(VerdictOutcome outcome, double confidence, string reason, Dictionary<string, string> evidence) =>
        new(outcome, Math.Round(confidence, 2), reason, Name) { Evidence = evidence };

    private static string Shorten(string text, int max = 120) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++) sum += a[i] * b[i];
        return sum;
    }
}
