namespace ActionAgent.Core.Recording;

/// <summary>A sub-goal of the run's goal and how it ended, for the run summary.</summary>
/// <param name="Index">Its position in the goal, from 1.</param>
/// <param name="Text">The goal's words for it.</param>
/// <param name="Family">The action family (Activate, EnterText…).</param>
/// <param name="Expected">The expected effect in words.</param>
/// <param name="Achieved">Whether the effect was observed.</param>
/// <param name="Evidence">What the screen showed when it was checked last.</param>
/// <param name="Optional">Whether the run could succeed without it.</param>
/// <param name="AtStep">The step after which the effect was observed, when it was.</param>
public sealed record RecordedSubGoal(int Index, string Text, string Family, string Expected, bool Achieved, string Evidence, bool Optional = false, int? AtStep = null);
