namespace ActionAgent.Vision.Verification;

/// <summary>How well a stated expectation matches what the screen shows.</summary>
/// <param name="Phrase">The closest phrase on screen.</param>
/// <param name="Similarity">
/// Embedding similarity of that phrase to the expectation; null when not computed because every content word of the
/// expectation is on screen (a word share of 1, which no similarity can raise).
/// </param>
/// <param name="WordShare">The share of the expectation's content words found anywhere on screen.</param>
internal sealed record ExpectationMatch(string Phrase, double? Similarity, double WordShare)
{
    public double Strength => Math.Max(Similarity ?? 0, WordShare);
}
