namespace ActionAgent.Planning.Offline;

/// <summary>An element scored against a description.</summary>
/// <param name="Node">The element.</param>
/// <param name="Score">How well it fits, 0 to 1.</param>
/// <param name="Similarity">The embedding similarity of its label to the description.</param>
/// <param name="TokenOverlap">The word overlap of its label with the description.</param>
public sealed record GroundingCandidate(PageNode Node, double Score, double Similarity, double TokenOverlap)
{
    /// <summary>Why it scored so, for recordings.</summary>
    public string Explain() =>
        $"{Node.Role} \"{Node.Label()}\"{(Node.Node.Ref is null ? "" : $" [{Node.Node.Ref}]")}: meaning {Similarity:0.00}, words {TokenOverlap:0.00}";
}
