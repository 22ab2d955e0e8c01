namespace ActionAgent.Planning.Offline;

/// <summary>Settings of the offline planner.</summary>
public sealed record OfflinePlannerOptions
{
    /// <summary>The skills; the built-in catalog by default.</summary>
    public SkillCatalog? Skills { get; init; }

    /// <summary>
    /// Reads goals as sub-goals for the action search, when the engine does not hand the planner its own sub-goals
    /// (<see cref="Core.Ports.PlanningContext.SubGoals"/>). With neither, only plain commands and skills are planned.
    /// </summary>
    public Core.Ports.IGoalInterpreter? Interpreter { get; init; }

    /// <summary>How many candidates the search tries for one sub-goal before it gives up naming it.</summary>
    /// <value>The default value is 3.</value>
    public int MaxCandidatesPerSubGoal { get; init; } = 3;

    /// <summary>
    /// How close a goal must be to a skill for the skill to run as a macro when sub-goals are available (a skill that
    /// needs two or more slots and finds them all is used at the classifier's own threshold).
    /// </summary>
    /// <value>The default value is 0.75.</value>
    public double MacroConfidence { get; init; } = 0.75;

    /// <summary>The clock that "tomorrow" and "24 December" are resolved against.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The least score a grounded element needs.</summary>
    /// <value>The default value is 0.35.</value>
    public double MinimumScore { get; init; } = 0.35;

    /// <summary>How long to wait for suggestions, results or a busy page, per wait step.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How many short waits one step may take for its element to appear before it is skipped or given up.</summary>
    /// <value>The default value is 8.</value>
    public int MaxWaitsPerStep { get; init; } = 8;
}
