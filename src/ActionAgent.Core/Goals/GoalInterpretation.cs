namespace ActionAgent.Core.Goals;

/// <summary>A goal read as ordered sub-goals.</summary>
public sealed record GoalInterpretation
{
    /// <summary>The goal in the user's words.</summary>
    public required string Goal { get; init; }

    /// <summary>The sub-goals, in order. Never empty for a goal the interpreter understood.</summary>
    public required IReadOnlyList<SubGoal> SubGoals { get; init; }

    /// <summary>Words of the goal the interpreter could not place (reported, never silently dropped).</summary>
    public IReadOnlyList<string> Unparsed { get; init; } = [];

    /// <summary>How sure the interpreter is, 0 to 1.</summary>
    public double Confidence { get; init; } = 1;
}
