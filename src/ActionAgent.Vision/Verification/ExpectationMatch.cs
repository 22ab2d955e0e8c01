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
    /// <summary>The larger of the two: how close the screen comes, for the "clearly absent" test and the confidence.</summary>
    public double Strength => Math.Max(Similarity ?? 0, WordShare);

    /// <summary>
    /// Whether the screen shows the expectation: one phrase close enough in meaning, or nearly all of its words on the
    /// screen (<see cref="VisionOptions.ExpectationWordShare"/>; a word share just above the similarity bar is not enough,
    /// since the words may be scattered over unrelated menus).
    /// </summary>
    public bool Shows(VisionOptions options) => (Similarity ?? 0) >= options.ExpectationMatchSimilarity || WordShare >= options.ExpectationWordShare;
}
