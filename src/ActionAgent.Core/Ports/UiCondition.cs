using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Ports;

/// <summary>A condition on the UI that a <see cref="IUiStateProbe"/> can wait for.</summary>
/// <param name="Kind">What is checked.</param>
/// <param name="Target">The element, for element conditions.</param>
/// <param name="Expected">The value or text expected, when the kind needs one.</param>
/// <param name="UrlMatches">For <see cref="UiConditionKind.Url"/>: whether a full URL is the one expected.</param>
public sealed record UiCondition(UiConditionKind Kind, ElementTarget? Target = null, string? Expected = null, Func<string, bool>? UrlMatches = null);

/// <summary>The kinds of <see cref="UiCondition"/>.</summary>
public enum UiConditionKind
{
    /// <summary>The page URL satisfies <see cref="UiCondition.UrlMatches"/>.</summary>
    Url,
    /// <summary>At least one element matching the target is visible.</summary>
    Visible,
    /// <summary>No element matching the target is visible.</summary>
    Hidden,
    /// <summary>The target field's value equals <see cref="UiCondition.Expected"/>.</summary>
    Value,
    /// <summary>The target checkbox or radio is checked.</summary>
    Checked,
    /// <summary>The target checkbox is not checked.</summary>
    Unchecked,
    /// <summary>The text <see cref="UiCondition.Expected"/> is visible somewhere.</summary>
    TextVisible,
}
