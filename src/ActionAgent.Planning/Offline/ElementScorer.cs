using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Scores the elements of a page against a description in words: the role must fit the action; the label (name,
/// nearby text, placeholder) is compared to the description by sentence embeddings and by words; disabled and
/// off-screen elements lose points. Candidate labels are embedded in one batch (the embedder caches by text).
/// </summary>
public sealed class ElementScorer(ITextEmbedder embedder)
{
    /// <summary>The embedder.</summary>
    public ITextEmbedder Embedder { get; } = embedder ?? throw new ArgumentNullException(nameof(embedder));

    /// <summary>Ranks candidates for an action on a described element, best first.</summary>
    public Task<IReadOnlyList<GroundingCandidate>> RankAsync(string description, ActionKind action, IEnumerable<PageNode> nodes,
        CancellationToken cancellationToken, Func<PageNode, bool>? exclude = null) =>
        RankAsync(description, action, node => RoleFit(action, node), nodes, cancellationToken, exclude);

    /// <summary>Ranks candidates with a custom role fit (for widgets such as a group of day/month/year selects).</summary>
    public async Task<IReadOnlyList<GroundingCandidate>> RankAsync(string description, ActionKind action, Func<PageNode, double> roleFit,
        IEnumerable<PageNode> nodes, CancellationToken cancellationToken, Func<PageNode, bool>? exclude = null)
    {
        var pool = Pool(description, action, roleFit, nodes, exclude);
        if (pool.Count == 0) return [];
        var texts = new List<string>(pool.Count + 1) { Clean(description) };
        texts.AddRange(pool.Select(p => p.Label));
        var vectors = await Embedder.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);
        var ranked = new List<GroundingCandidate>(pool.Count);
        for (var i = 0; i < pool.Count; i++) ranked.Add(pool[i].With(vectors[0], vectors[i + 1]));
        ranked.Sort(BestFirst);
        return ranked;
    }

    /// <summary>
    /// The first of <see cref="RankAsync(string, ActionKind, Func{PageNode, double}, IEnumerable{PageNode}, CancellationToken, Func{PageNode, bool}?)"/>'s
    /// ranking, the same candidate with the same score, found without embedding the labels that cannot reach it: a
    /// label's words, role fit and penalties bound its score from above (a similarity of 1), so labels are embedded in
    /// order of that bound, a few at a time, until the best score found beats every bound left. On a long page most
    /// labels (a section's whole text, a footer) fit a click poorly and are never embedded. Null when nothing fits.
    /// </summary>
    public async Task<GroundingCandidate?> BestAsync(string description, ActionKind action, Func<PageNode, double> roleFit,
        IEnumerable<PageNode> nodes, CancellationToken cancellationToken, Func<PageNode, bool>? exclude = null)
    {
        var pool = Pool(description, action, roleFit, nodes, exclude);
        if (pool.Count == 0) return null;
        pool.Sort((a, b) => b.Bound != a.Bound ? b.Bound.CompareTo(a.Bound) : a.Node.Order.CompareTo(b.Node.Order));
        var wanted = (await Embedder.EmbedAsync([Clean(description)], cancellationToken).ConfigureAwait(false))[0];
        GroundingCandidate? best = null;
        for (var next = 0; next < pool.Count && (best is null || pool[next].Bound >= best.Score);)
        {
            // Every label whose bound still reaches the best so far, up to a batch: bounds fall down the list, so the
            // batch is a prefix of what is left.
            var batch = new List<Scored>(BoundBatch);
            while (next < pool.Count && batch.Count < BoundBatch && (best is null || pool[next].Bound >= best.Score)) batch.Add(pool[next++]);
            var vectors = await Embedder.EmbedAsync(batch.Select(p => p.Label).ToList(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                var candidate = batch[i].With(wanted, vectors[i]);
                if (best is null || BestFirst(candidate, best) < 0) best = candidate;
            }
        }
        return best;
    }

    // Labels embedded together while looking for the best: the embedder's own batch size, so a batch is one inference.
    private const int BoundBatch = 8;

    private static int BestFirst(GroundingCandidate a, GroundingCandidate b) =>
        b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Node.Order.CompareTo(b.Node.Order);

    // A candidate with everything of its score but the similarity: the score rises with it, so ScoreOf(1) bounds it.
    // The arithmetic is done in one order, whether bounding or scoring, so RankAsync and BestAsync give equal scores.
    private readonly record struct Scored(PageNode Node, string Label, double Overlap, bool QuotesName, bool NamesRole, double Fit,
        bool Disabled, bool OffScreen)
    {
        // A little over 1: a dot product of two unit vectors in floats can come out just above it.
        public double Bound { get; } = Score(1.001, Overlap, QuotesName, NamesRole, Fit, Disabled, OffScreen);

        public double ScoreOf(double similarity) => Score(similarity, Overlap, QuotesName, NamesRole, Fit, Disabled, OffScreen);

        private static double Score(double similarity, double overlap, bool quotesName, bool namesRole, double fit, bool disabled, bool offScreen)
        {
            var score = (0.5 * similarity) + (0.5 * overlap);
            // A description that quotes the element's whole name ("the Search flights button") is a strong hint.
            if (quotesName) score += 0.15;
            if (namesRole) score += 0.05;
            score *= fit;
            if (disabled) score *= 0.5;
            if (offScreen) score *= 0.8;
            return Math.Clamp(score, 0, 1);
        }

        public GroundingCandidate With(float[] wanted, float[] label)
        {
            var similarity = Math.Max(0, Dot(wanted, label));
            return new GroundingCandidate(Node, ScoreOf(similarity), similarity, Overlap);
        }
    }

    private static List<Scored> Pool(string description, ActionKind action, Func<PageNode, double> roleFit, IEnumerable<PageNode> nodes,
        Func<PageNode, bool>? exclude)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(roleFit);
        var wanted = TextTokens.Content(description);
        var roleWords = TextTokens.Words(description);
        var lowerDescription = description.ToLowerInvariant();
        var pool = new List<Scored>();
        foreach (var node in nodes)
        {
            if (exclude?.Invoke(node) == true) continue;
            var fit = roleFit(node);
            if (fit <= 0) continue;
            var label = node.Label();
            if (label.Length == 0) continue;
            // Words are compared with each part of the label on its own too, so a long placeholder does not dilute a short name.
            var overlap = new[] { label, node.Name, node.NearbyText, node.Placeholder ?? "" }
                .Where(part => part.Length > 0)
                .Max(part => TextTokens.Overlap(wanted, TextTokens.Content(part)));
            pool.Add(new Scored(node, label, overlap,
                QuotesName: node.Name.Length > 1 && lowerDescription.Contains(node.Name.ToLowerInvariant(), StringComparison.Ordinal),
                NamesRole: MentionsRole(roleWords, node.Role), fit,
                Disabled: node.IsDisabled && action is not (ActionKind.WaitFor or ActionKind.Extract or ActionKind.Assert or ActionKind.Scroll),
                OffScreen: !node.IsOnScreen));
        }
        return pool;
    }

    /// <summary>The cosine similarity of two texts (unit vectors from the embedder).</summary>
    public async Task<double> SimilarityAsync(string a, string b, CancellationToken cancellationToken)
    {
        var vectors = await Embedder.EmbedAsync([a, b], cancellationToken).ConfigureAwait(false);
        return Dot(vectors[0], vectors[1]);
    }

    /// <summary>How well an element's role fits an action, 0 (never) to 1.</summary>
    public static double RoleFit(ActionKind action, PageNode node)
    {
        var role = node.Role;
        var pointer = node.Node.Attributes.TryGetValue("cursor", out var c) && c == "pointer";
        return action switch
        {
            ActionKind.Fill or ActionKind.Type => role switch
            {
                "textbox" or "searchbox" or "combobox" or "spinbutton" or "slider" => 1,
                _ => 0,
            },
            ActionKind.Select => role switch
            {
                "combobox" or "listbox" => 1,
                "button" when node.Node.Attributes.ContainsKey("haspopup") || node.Has("expanded") => 0.9,
                "button" => 0.8,
                "radiogroup" => 0.6,
                _ => 0,
            },
            ActionKind.Check or ActionKind.Uncheck => role switch
            {
                "checkbox" or "radio" or "switch" or "menuitemcheckbox" or "menuitemradio" => 1,
                _ => 0,
            },
            ActionKind.Click => role switch
            {
                "button" or "link" or "menuitem" or "tab" or "option" or "checkbox" or "radio" or "switch" or "menuitemcheckbox" or "menuitemradio" or "treeitem" => 1,
                "combobox" or "textbox" or "searchbox" => 0.6,
                "gridcell" or "cell" or "listitem" or "row" or "img" => pointer ? 0.8 : 0.4,
                "generic" or "text" or "paragraph" or "heading" => pointer ? 0.8 : 0.3,
                _ => 0,
            },
            ActionKind.Press or ActionKind.Hover => PageModel.IsInteractive(node) ? 1 : 0.4,
            _ => PageModel.IsInteractive(node) ? 1 : role is "heading" or "status" or "alert" ? 0.9 : 0.7,
        };
    }

    private static bool MentionsRole(List<string> words, string role) => role switch
    {
        "button" => words.Contains("button"),
        "link" => words.Contains("link"),
        "checkbox" => words.Contains("checkbox") || words.Contains("box") && words.Contains("check"),
        "radio" => words.Contains("radio") || words.Contains("option"),
        "textbox" or "searchbox" or "combobox" or "spinbutton" => words.Contains("field") || words.Contains("box") || words.Contains("input"),
        "tab" => words.Contains("tab"),
        _ => false,
    };

    // "the Search flights button" embeds closer to "Search flights" without the article and role word.
    private static string Clean(string description)
    {
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (words.Count > 1 && words[^1].ToLowerInvariant() is "button" or "link" or "field" or "box" or "checkbox" or "tab" or "icon") words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    internal static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++) sum += a[i] * b[i];
        return sum;
    }
}
