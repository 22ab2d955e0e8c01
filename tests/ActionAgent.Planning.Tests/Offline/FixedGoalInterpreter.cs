using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// A test double for the goal interpreter: each goal maps to hand-written sub-goals (what a goal interpreter reads from
/// it), so the action search and the evidence rule are tested on their own. The real interpreter is wired at merge.
/// </summary>
public sealed class FixedGoalInterpreter(IReadOnlyDictionary<string, IReadOnlyList<SubGoal>> readings) : IGoalInterpreter
{
    public Task<GoalInterpretation> InterpretAsync(string goal, CancellationToken cancellationToken) =>
        Task.FromResult(new GoalInterpretation
        {
            Goal = goal,
            SubGoals = readings.TryGetValue(goal, out var subGoals) ? subGoals : throw new ArgumentException($"No reading for \"{goal}\" in the test.", nameof(goal)),
        });

    public static SubGoal Goal(int index, ActionFamily family, string text, ExpectedEffect effect, string obj = "", GoalValue[]? values = null,
        GoalQualifiers? qualifiers = null, string? scope = null, string? verb = null, bool implied = false) => new()
    {
        Index = index,
        Family = family,
        Text = text,
        Object = obj,
        Values = values ?? [],
        Qualifiers = qualifiers ?? GoalQualifiers.None,
        Scope = scope,
        Verb = verb,
        Effect = effect,
        Implied = implied,
    };
}
