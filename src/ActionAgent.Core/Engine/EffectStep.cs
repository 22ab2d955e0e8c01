using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

/// <summary>
/// The step whose effect is judged, with the screen it acted on: the evidence rule needs both to tell which element
/// (and so which item of a list) the step acted on.
/// </summary>
/// <param name="Step">The step just carried out; its target carries the reference the planner chose.</param>
/// <param name="Before">The screen right before this step (not the sub-goal's baseline).</param>
public sealed record EffectStep(PlanStep Step, UiObservation Before);
