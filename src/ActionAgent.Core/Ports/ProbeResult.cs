namespace ActionAgent.Core.Ports;

/// <summary>What waiting for a <see cref="UiCondition"/> came to.</summary>
/// <param name="Holds">Whether the condition held before the timeout.</param>
/// <param name="Seen">What was seen instead, when it did not (for error messages).</param>
public sealed record ProbeResult(bool Holds, string? Seen = null);
