using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Offline.Goals;

namespace ActionAgent.Composition;

/// <summary>
/// Chooses the planner for a run: explicit steps when the scenario has them, else the offline planner (the embedded
/// default: intents, skills and grounding on the local embedding model; no key, no network). User skills come from
/// <see cref="PlannerSettings.SkillsFolder"/> (<c>--skills DIR</c> or <c>ACTIONAGENT_SKILLS</c>, bound once).
/// </summary>
internal static class PlannerChoice
{
    public static IPlanner? Create(Scenario scenario, string? skillsFolder, out string? error)
    {
        error = null;
        if (scenario.Steps.Count > 0) return new ExplicitStepsPlanner(scenario.Steps);
        if (skillsFolder is not null && !Directory.Exists(skillsFolder))
        {
            error = $"The skills folder \"{skillsFolder}\" does not exist.";
            return null;
        }
        try
        {
            return new OfflinePlanner(MiniLmEmbedder.Shared, new OfflinePlannerOptions
            {
                Skills = SkillCatalog.WithFolder(skillsFolder),
                Interpreter = CreateInterpreter(skillsFolder),
            });
        }
        catch (FormatException e)
        {
            error = $"A skill in {skillsFolder} cannot be read: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// The goal interpreter the engine checks every planner's run against (and the offline planner plans from): the
    /// built-in verb data plus <c>verbs.yaml</c> of the user's skills folder, when there is one.
    /// </summary>
    /// <remarks>One instance per verb set, shared by the planner and the engine, so the verb vectors are embedded once.</remarks>
    public static IGoalInterpreter CreateInterpreter(string? skillsFolder)
    {
        var verbFiles = GoalInterpreterOptions.VerbFilesOfSkillsFolder(skillsFolder);
        return Interpreters.GetOrAdd(string.Join("|", verbFiles),
            _ => new GoalInterpreter(MiniLmEmbedder.Shared, new GoalInterpreterOptions { ExtraVerbFiles = verbFiles }));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IGoalInterpreter> Interpreters = new(StringComparer.Ordinal);

    /// <summary>The grounder the engine uses for semantic targets (any planner's): the accessibility tree by embeddings.</summary>
    public static ITargetGrounder CreateGrounder() => new AccessibilityGrounder(MiniLmEmbedder.Shared);
}
