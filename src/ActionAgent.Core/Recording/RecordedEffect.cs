namespace ActionAgent.Core.Recording;

/// <summary>An effect check as recorded: the sub-goal, what it expected, whether it showed, and the evidence.</summary>
/// <param name="SubGoal">The sub-goal's index, from 1.</param>
/// <param name="Expected">The expected effect in words (<c>Checked on rules</c>).</param>
/// <param name="Observed">Whether the effect showed on the screen.</param>
/// <param name="Evidence">What the screen showed.</param>
public sealed record RecordedEffect(int SubGoal, string Expected, bool Observed, string Evidence);
