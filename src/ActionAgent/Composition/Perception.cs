using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Routing;
using ActionAgent.Planning.SemanticKernel;
using ActionAgent.Vision;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Composition;

/// <summary>
/// The perception roles for a run, composed once: the screen check and the visual locator (embedded; the screen check
/// escalates to the chosen remote model when it is unsure), and the intent classifier. The engine uses the first two
/// between steps; a language-model planner gets all three as tools.
/// </summary>
/// <param name="Vision">The screen check, visual locator and cropper; null when vision is off.</param>
/// <param name="ForPlanner">The tools a language-model planner is given.</param>
/// <param name="EscalatesTo">The remote model the screen check asks when it is unsure, if any.</param>
public sealed record Perception(VisionServices? Vision, PlannerPerception ForPlanner, string? EscalatesTo)
{
    /// <summary>Composes the roles <paramref name="options"/> ask for.</summary>
    /// <param name="options">Vision on or off, the planner chosen, on-device, the user's skills.</param>
    /// <returns>The roles.</returns>
    public static Perception Create(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var planner = PlannerSelection.Requested(options);
        // The logger carries the one warning vision gives (OCR falling back to the tesseract command).
        var visionOptions = new VisionOptions { Logger = options.LoggerFactory?.CreateLogger("ActionAgent.Vision") };
        var vision = options.Vision.Enabled ? VisionBackends.CreateEmbedded(MiniLmEmbedder.Shared, visionOptions) : null;
        string? escalatesTo = null;
        // Screenshots go to a remote model only when the user chose a remote planner: a key in the environment alone
        // never sends the screen anywhere.
        if (vision is not null && planner is LlmBackend.OpenAI or LlmBackend.Compatible)
        {
            var model = new ModelRouter(options.Models.Get).EscalationModel(new RoutingConstraints { OnDevice = options.Planner.OnDevice, Planner = planner });
            if (model is not null)
            {
                var remote = SemanticKernelScreenVerifier.ForOpenAICompatible(model.ModelName, model.ApiKey ?? "", model.Endpoint);
                vision = VisionBackends.WithRemoteVerifier(vision, remote);
                escalatesTo = model.PlannerName;
            }
        }
        var folder = options.Planner.SkillsFolder;
        SkillCatalog skills;
        try
        {
            skills = folder is not null && Directory.Exists(folder) ? SkillCatalog.WithFolder(folder) : SkillCatalog.BuiltIn;
        }
        catch (FormatException)
        {
            skills = SkillCatalog.BuiltIn; // the planner choice reports the unreadable skill as bad input
        }
        var intents = new EmbeddingIntentClassifier(skills, MiniLmEmbedder.Shared, new SlotExtractor(options.Time));
        return new Perception(vision, new PlannerPerception { Locator = vision?.Locator, Verifier = vision?.Verifier, Intents = intents }, escalatesTo);
    }
}
