namespace ActionAgent.Planning.Offline.Goals;

/// <summary>Settings of the <see cref="GoalInterpreter"/>.</summary>
public sealed record GoalInterpreterOptions
{
    /// <summary>The clock relative dates ("tomorrow", "next Friday") are read against, in its local zone.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Extra verb files (the <c>verbs.yaml</c> format of the built-in file). Their entries come before the built-in
    /// ones, so a user can add a verb or give a known verb another meaning. The CLI passes <c>verbs.yaml</c> of the
    /// <c>--skills DIR</c> folder here (see <see cref="VerbFilesOfSkillsFolder"/>).
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> ExtraVerbFiles { get; init; } = [];

    /// <summary>
    /// The least embedding similarity between an unknown verb and a known one for the interpreter to take the known
    /// verb's meaning; below it the interpreter still guesses, with low confidence and the words in
    /// <see cref="Core.Goals.GoalInterpretation.Unparsed"/>.
    /// </summary>
    /// <value>The default value is 0.5.</value>
    public double MinimumVerbSimilarity { get; init; } = 0.5;

    /// <summary>The verbs files of a skills folder (<c>verbs.yaml</c> or <c>verbs.yml</c>); empty when the folder is null or has none.</summary>
    public static IReadOnlyList<string> VerbFilesOfSkillsFolder(string? folder)
    {
        if (folder is null || !Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.TopDirectoryOnly)
            .Where(SkillCatalog.IsVerbsFile)
            .Order(StringComparer.Ordinal)];
    }
}
