using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// The offline intent parser (SLM role): a goal made only of imperative clauses is <c>commands</c>; otherwise the
/// goal is compared by sentence embeddings with every skill's exemplars and the closest skill wins, when it is close
/// enough. Slots come from <see cref="SlotExtractor"/>.
/// </summary>
public sealed class EmbeddingIntentClassifier(SkillCatalog catalog, ITextEmbedder embedder, SlotExtractor slots) : IIntentClassifier
{
    /// <summary>The intent name of goals made of plain commands.</summary>
    public const string Commands = "commands";

    /// <summary>The intent name when nothing fits.</summary>
    public const string Unknown = "unknown";

    /// <summary>The least similarity to a skill's closest exemplar.</summary>
    /// <value>The default value is 0.45.</value>
    public double MinimumConfidence { get; init; } = 0.45;

    /// <inheritdoc />
    public string Name => $"offline ({embedder.Name})";

    /// <inheritdoc />
    public async Task<IntentResult> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var goalSlots = slots.Extract(text).ToDictionary();
        if (PlainCommandParser.TryParse(text, out _)) return new IntentResult(Commands, 1, goalSlots);

        var (skill, score) = await ClosestSkillAsync(text, goalSlots, cancellationToken).ConfigureAwait(false);
        return skill is null || score < MinimumConfidence
            ? new IntentResult(Unknown, score, goalSlots)
            : new IntentResult(skill.Name, score, goalSlots);
    }

    /// <summary>The skill whose exemplars are closest to the goal, with the similarity (plus a small bonus when its required slots are all there).</summary>
    public async Task<(Skill? Skill, double Score)> ClosestSkillAsync(string goal, IReadOnlyDictionary<string, string> goalSlots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goalSlots);
        var texts = new List<string> { goal };
        foreach (var skill in catalog.Skills) texts.AddRange(skill.Exemplars);
        var vectors = await embedder.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);
        Skill? best = null;
        var bestScore = double.MinValue;
        var i = 1;
        foreach (var skill in catalog.Skills)
        {
            var score = double.MinValue;
            foreach (var _ in skill.Exemplars) score = Math.Max(score, ElementScorer.Dot(vectors[0], vectors[i++]));
            if (skill.Requires.Count > 0 && skill.Requires.All(goalSlots.ContainsKey)) score += 0.05;
            if (score > bestScore)
            {
                best = skill;
                bestScore = score;
            }
        }
        return (best, bestScore);
    }
}
