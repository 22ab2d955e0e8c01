using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.SemanticKernel;

/// <summary>The perception roles the model may call as tools; any left null answers "not available".</summary>
public sealed record PlannerPerception
{
    /// <summary>No perception tools.</summary>
    public static PlannerPerception None { get; } = new();

    /// <summary>The visual locator behind <c>locate_element</c>.</summary>
    public IElementLocator? Locator { get; init; }

    /// <summary>The screen check behind <c>check_screen</c>.</summary>
    public IScreenVerifier? Verifier { get; init; }

    /// <summary>The intent parser behind <c>classify_intent</c>.</summary>
    public IIntentClassifier? Intents { get; init; }
}
