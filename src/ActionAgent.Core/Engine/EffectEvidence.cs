namespace ActionAgent.Core.Engine;

/// <summary>What an effect check saw: whether the expected effect shows, and the evidence in words.</summary>
/// <param name="Observed">Whether the expected effect was observed.</param>
/// <param name="Detail">What the screen showed (the field's value, the box's state, the item counts), for the recording and failure messages.</param>
public sealed record EffectEvidence(bool Observed, string Detail);
