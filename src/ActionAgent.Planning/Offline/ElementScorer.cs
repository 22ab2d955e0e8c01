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
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(roleFit);
        var pool = new List<(PageNode Node, double Fit, string Label)>();
        foreach (var node in nodes)
        {
            if (exclude?.Invoke(node) == true) continue;
            var fit = roleFit(node);
            if (fit <= 0) continue;
            var label = node.Label();
            if (label.Length == 0) continue;
            pool.Add((node, fit, label));
        }
        if (pool.Count == 0) return [];

        var texts = new List<string>(pool.Count + 1) { Clean(description) };
        texts.AddRange(pool.Select(p => p.Label));
        var vectors = await Embedder.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);
        var wanted = TextTokens.Content(description);
        var roleWords = TextTokens.Words(description);
        var lowerDescription = description.ToLowerInvariant();

        var ranked = new List<GroundingCandidate>(pool.Count);
        for (var i = 0; i < pool.Count; i++)
        {
            var (node, fit, label) = pool[i];
            var similarity = Math.Max(0, Dot(vectors[0], vectors[i + 1]));
            // Words are compared with each part of the label on its own too, so a long placeholder does not dilute a short name.
            var overlap = new[] { label, node.Name, node.NearbyText, node.Placeholder ?? "" }
                .Where(part => part.Length > 0)
                .Max(part => TextTokens.Overlap(wanted, TextTokens.Content(part)));
            var score = (0.5 * similarity) + (0.5 * overlap);
            // A description that quotes the element's whole name ("the Search flights button") is a strong hint.
            if (node.Name.Length > 1 && lowerDescription.Contains(node.Name.ToLowerInvariant(), StringComparison.Ordinal)) score += 0.15;
            if (MentionsRole(roleWords, node.Role)) score += 0.05;
            score *= fit;
            if (node.IsDisabled && action is not (ActionKind.WaitFor or ActionKind.Extract or ActionKind.Assert or ActionKind.Scroll)) score *= 0.5;
            if (!node.IsOnScreen) score *= 0.8;
            ranked.Add(new GroundingCandidate(node, Math.Clamp(score, 0, 1), similarity, overlap));
        }
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Node.Order.CompareTo(b.Node.Order));
        return ranked;
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
