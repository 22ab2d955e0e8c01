using ActionAgent.Core.Actions;

namespace ActionAgent.Planning.Offline;

// When no control carries the goal's words: the words controls use for the same verb (controls.yaml), earliest listed
// first — "submit" finds "Send", "post" finds "Submit review", "accept" finds "Allow all cookies".
public sealed partial class OfflinePlanner
{
    private async Task<GroundingCandidate?> BySynonymsAsync(string description, ActionKind action, Func<PageNode, double> fit, IEnumerable<PageNode> pool,
        CancellationToken cancellationToken)
    {
        var synonyms = ControlWords.BuiltIn.For(description);
        if (synonyms.Count == 0) return null;
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
