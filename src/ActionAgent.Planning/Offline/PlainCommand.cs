using ActionAgent.Core.Actions;

namespace ActionAgent.Planning.Offline;

/// <summary>One imperative clause of a goal ("type Ada into the first name field").</summary>
/// <param name="Action">What to do.</param>
/// <param name="Target">What to do it to, in the user's words (null for page-level actions).</param>
/// <param name="Value">The text, option, key or URL.</param>
/// <param name="Text">The clause as written.</param>
public sealed record PlainCommand(ActionKind Action, string? Target, string? Value, string Text);
