namespace ActionAgent.Planning.Routing;

/// <summary>The roles a model family plays in ActionAgent (the catalog in DESIGN.md).</summary>
public enum ModelRole
{
    /// <summary>LLM / LAM: goal to steps, replanning, tools by function calling.</summary>
    Planner,
    /// <summary>SLM / MLM: fast intent and slot parsing, goal words to UI labels.</summary>
    Intent,
    /// <summary>VLM / MLLM: checks the screenshot after a step.</summary>
    ScreenCheck,
    /// <summary>SAM: finds an element on a screenshot.</summary>
    VisualLocator,
    /// <summary>LVM: is this the screen the recording expects?</summary>
    ScreenSimilarity,
    /// <summary>MoE: the router itself.</summary>
    Router,
    /// <summary>LCM: no role in UI automation.</summary>
    Lcm,
}
