using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Routing;
using ActionAgent.Planning.SemanticKernel;
using ActionAgent.Vision;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The perception roles for a run, composed once: the screen check and the visual locator (embedded; the screen check
/// escalates to the chosen remote model when it is unsure), and the intent classifier. The engine uses the first two
/// between steps; a language-model planner gets all three as tools.
/// </summary>
internal sealed record Perception(VisionServices? Vision, PlannerPerception ForPlanner, string? EscalatesTo)
{
    /// <param name="noVision"><c>--no-vision</c>: no screen check, no visual locator.</param>
    /// <param name="planner">The planner backend asked for (<c>--planner</c> or <c>ACTIONAGENT_PLANNER</c>), if any.</param>
    /// <param name="onDevice"><c>--on-device</c>: nothing leaves the machine.</param>
    /// <param name="skillsFolder">User skills, which the intent classifier also knows.</param>
    public static Perception Create(bool noVision, LlmBackend? planner, bool onDevice, string? skillsFolder)
    {
        var vision = noVision ? null : VisionBackends.CreateEmbedded(MiniLmEmbedder.Shared);
        string? escalatesTo = null;
        // Screenshots go to a remote model only when the user chose a remote planner: a key in the environment alone
        // never sends the screen anywhere.
        if (vision is not null && planner is LlmBackend.OpenAI or LlmBackend.Compatible)
        {
            var model = ModelRouter.FromProcessEnvironment().EscalationModel(new RoutingConstraints { OnDevice = onDevice, Planner = planner });
            if (model is not null)
            {
                var remote = SemanticKernelScreenVerifier.ForOpenAICompatible(model.ModelName, model.ApiKey ?? "", model.Endpoint);
                vision = VisionBackends.WithRemoteVerifier(vision, remote);
                escalatesTo = model.PlannerName;
            }
        }
        var folder = PlannerChoice.SkillsFolder(skillsFolder);
        SkillCatalog skills;
        try
        {
            skills = folder is not null && Directory.Exists(folder) ? SkillCatalog.WithFolder(folder) : SkillCatalog.BuiltIn;
        }
        catch (FormatException)
        {
            skills = SkillCatalog.BuiltIn; // the planner choice reports the unreadable skill as bad input
        }
        var intents = new EmbeddingIntentClassifier(skills, MiniLmEmbedder.Shared, new SlotExtractor(TimeProvider.System));
        return new Perception(vision, new PlannerPerception { Locator = vision?.Locator, Verifier = vision?.Verifier, Intents = intents }, escalatesTo);
    }
}
