namespace ActionAgent.Planning.Offline;

/// <summary>A multi-step intent described as data (YAML): exemplar goals, the slots it needs, and semantic steps.</summary>
public sealed record Skill
{
    /// <summary>The intent name (<c>book-flight</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>What the skill does, in a sentence.</summary>
    public string Description { get; init; } = "";

    /// <summary>Goals that mean this intent; the classifier compares a goal with them by embeddings.</summary>
    public IReadOnlyList<string> Exemplars { get; init; } = [];

    /// <summary>Slots the goal must give (<c>origin</c>, <c>destination</c>, <c>date</c>).</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<SkillStep> Steps { get; init; } = [];

    /// <summary>Where the skill was read from (a resource name or a file path).</summary>
    public string Source { get; init; } = "";
}
