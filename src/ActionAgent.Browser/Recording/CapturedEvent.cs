using ActionAgent.Core.Actions;

namespace ActionAgent.Browser.Recording;

/// <summary>One thing a person did in the recorded page, as the capture script saw it when it happened.</summary>
/// <param name="Action">click, fill, select, check, uncheck, press or goto.</param>
/// <param name="Target">The element, in every layer (null for goto).</param>
/// <param name="Value">The text typed, option chosen, key pressed or URL opened.</param>
/// <param name="Url">The page URL when it happened (before its effect).</param>
/// <param name="Keys">The visible headings, buttons, dialogs and alerts (<c>button "Search flights"</c>) when it happened.</param>
/// <param name="At">When it was captured.</param>
public sealed record CapturedEvent(string Action, ElementTarget? Target, string? Value, string Url, IReadOnlyList<string> Keys, DateTimeOffset At)
{
    /// <summary>
    /// Set when the person typed into a password (or card, one-time code) field: the value is never captured, and
    /// <see cref="Value"/> is the placeholder <c>${secrets.NAME}</c>.
    /// </summary>
    public string? SecretName { get; init; }
}
