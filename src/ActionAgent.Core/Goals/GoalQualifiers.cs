namespace ActionAgent.Core.Goals;

/// <summary>How many things a sub-goal acts on, and which ones.</summary>
public sealed record GoalQualifiers
{
    /// <summary>No qualifier: one thing, the best match.</summary>
    public static GoalQualifiers None { get; } = new();

    /// <summary>How many: one, all matches ("all", "every", "each"), or an exact count ("both" = 2, "2 of").</summary>
    public Quantity Quantity { get; init; } = Quantity.One;

    /// <summary>The exact count when <see cref="Quantity"/> is <see cref="Quantity.Count"/>.</summary>
    public int? Count { get; init; }

    /// <summary>The ordering criterion as a word ("cheapest", "shortest", "earliest", "latest", "longest", "most expensive"), when any.</summary>
    public string? Ordering { get; init; }

    /// <summary>A position: 1 for "first", 2 for "second", -1 for "last", -2 for "second to last".</summary>
    public int? Ordinal { get; init; }

    /// <summary>For toggles: the state wanted (true = on, false = off), when the goal says.</summary>
    public bool? DesiredState { get; init; }

    /// <summary>Whether this says anything beyond "one, the best match".</summary>
    public bool IsEmpty => Quantity == Quantity.One && Count is null && Ordering is null && Ordinal is null && DesiredState is null;
}

/// <summary>How many things a sub-goal acts on.</summary>
public enum Quantity
{
    /// <summary>One thing, the best match.</summary>
    One,
    /// <summary>Every match ("all", "every", "each").</summary>
    All,
    /// <summary>An exact number of matches (<see cref="GoalQualifiers.Count"/>).</summary>
    Count,
}
