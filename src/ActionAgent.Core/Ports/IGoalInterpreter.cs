using ActionAgent.Core.Goals;

namespace ActionAgent.Core.Ports;

/// <summary>
/// Reads an imperative goal as ordered sub-goals with their values, qualifiers, scopes and expected effects. The
/// offline planner plans from them; the engine checks their effects whatever planner made the steps.
/// </summary>
public interface IGoalInterpreter
{
    /// <summary>Interprets a goal. Never refuses: a goal it cannot read well comes back with low confidence and the words it could not place.</summary>
    Task<GoalInterpretation> InterpretAsync(string goal, CancellationToken cancellationToken);
}
