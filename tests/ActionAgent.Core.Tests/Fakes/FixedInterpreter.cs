using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Tests.Fakes;

/// <summary>An interpreter that reads every goal as the same, hand-written sub-goals.</summary>
public sealed class FixedInterpreter(params SubGoal[] subGoals) : IGoalInterpreter
{
    public int Calls { get; private set; }

    /// <summary>The goals it was asked to read.</summary>
    public List<string> Goals { get; } = [];

    public Task<GoalInterpretation> InterpretAsync(string goal, CancellationToken cancellationToken)
    {
        Calls++;
        Goals.Add(goal);
        return Task.FromResult(new GoalInterpretation { Goal = goal, SubGoals = subGoals });
    }

    public static SubGoal Goal(int index, ActionFamily family, string text, EffectKind effect, string? subject = null, string? value = null, bool optional = false) => new()
    {
        Index = index,
        Family = family,
        Text = text,
        Effect = new ExpectedEffect(effect, subject, value),
        Optional = optional,
    };
}
