using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline;

// When no control carries the goal's words: the words controls use for the same verb (controls.yaml), earliest listed
// first — "submit" finds "Send", "post" finds "Submit review", "accept" finds "Allow all cookies".
public sealed partial class OfflinePlanner
{
    private async Task<GroundingCandidate?> BySynonymsAsync(string description, ActionKind action, Func<PageNode, double> fit, IEnumerable<PageNode> pool,
        CancellationToken cancellationToken)
    {
        var synonyms = ControlWords.BuiltIn.For(description);
        return synonyms.Count == 0 ? null : await BySynonymsAsync(synonyms, action, fit, pool, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The control whose label says one of <paramref name="synonyms"/> as whole words, earliest listed first.</summary>
    private async Task<GroundingCandidate?> BySynonymsAsync(IReadOnlyList<string> synonyms, ActionKind action, Func<PageNode, double> fit, IEnumerable<PageNode> pool,
        CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var ranked = await _scorer.RankAsync(string.Join(", ", synonyms), action, fit, pool, cancellationToken,
            n => s.Tried.Contains(CandidateKey(action, n))).ConfigureAwait(false);
        return ranked
            .Select(r => (Candidate: r, At: SynonymAt(synonyms, r.Node)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At)
            .ThenByDescending(x => x.Candidate.Score)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    /// <summary>
    /// What a sort control says for the order a goal asks ("the most expensive first" → "Price: high to low"), from
    /// controls.yaml; "by price, lowest first" → "price low to high". Empty when the goal asks for no order.
    /// </summary>
    private static IReadOnlyList<string> SortWords(SubGoal goal)
    {
        if (goal.Qualifiers.Ordering is not { } ordering) return [];
        var by = SortByPattern().Match(goal.Object) is { Success: true } m ? m.Groups["by"].Value.ToLowerInvariant() : null;
        if (by is not null && ordering is "smallest" or "largest")
        {
            return ordering == "smallest"
                ? [$"{by} low to high", $"{by} ascending", $"lowest {by}", $"{by} lowest first"]
                : [$"{by} high to low", $"{by} descending", $"highest {by}", $"{by} highest first"];
        }
        var key = ordering == "most expensive" ? "expensive" : ordering.Split(' ')[0];
        return ControlWords.BuiltIn.For("sort " + key);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bby\s+(?<by>[A-Za-z][\w\-]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SortByPattern();

    /// <summary>The position in the list of the first synonym the control's label says as whole words, or -1.</summary>
    private static int SynonymAt(IReadOnlyList<string> synonyms, PageNode node)
    {
        var label = " " + string.Join(' ', TextTokens.Words(node.Name.Length > 0 ? node.Name : node.Label())) + " ";
        for (var i = 0; i < synonyms.Count; i++)
        {
            if (label.Contains(" " + string.Join(' ', TextTokens.Words(synonyms[i])) + " ", StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
