namespace ActionAgent.Core.Actions;

/// <summary>One action the run engine carries out.</summary>
public sealed record PlanStep
{
    /// <summary>What to do.</summary>
    public required ActionKind Action { get; init; }

    /// <summary>What to do it to; null for actions on the page itself (goto, press without a target).</summary>
    public ElementTarget? Target { get; init; }

    /// <summary>Where a drag step drops its target: the element (a list, a column, an item) it is released over.</summary>
    public ElementTarget? DropTarget { get; init; }

    /// <summary>
    /// The value: text to fill, option to select, key to press, URL to open, or variable name to extract into.
    /// May hold placeholders such as <c>${secrets.card_number}</c>; drivers get the resolved value.
    /// </summary>
    public string? Value { get; init; }

    /// <summary>Why the step is there, in words ("choose the cheapest flight").</summary>
    public string? Description { get; init; }

    /// <summary>What should be true on screen after the step, for the screen check.</summary>
    public string? Expect { get; init; }

    /// <summary>A per-step timeout overriding the run's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Tags the policy can refer to (for example <c>purchase</c> needs approval).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the step came from (scenario file position, planner name).</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// The index (from 1) of the goal's sub-goal this step serves, when the planner knows it. The engine checks that
    /// sub-goal's expected effect after the step; for steps without it, the engine attributes effects itself.
    /// </summary>
    public int? SubGoal { get; init; }

    /// <summary>A one-line summary for progress output and logs (never contains a secret value).</summary>
    public override string ToString() =>
        Target is null ? $"{Action.ToName()} {Value}".TrimEnd()
        : DropTarget is not null ? $"{Action.ToName()} {Target} onto {DropTarget}"
        : $"{Action.ToName()} {Target}{(Value is null ? "" : $" = {Value}")}";
}
