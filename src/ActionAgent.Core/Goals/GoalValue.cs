namespace ActionAgent.Core.Goals;

/// <summary>A value a goal gives (quoted text, an email, a date, a number, a password…).</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The value, normalised where the kind has a normal form (dates as <c>yyyy-MM-dd</c>, times as <c>HH:mm</c>).</param>
/// <param name="Label">The field the goal ties it to ("from", "access code", "email"), when it says so.</param>
public sealed record GoalValue(GoalValueKind Kind, string Text, string? Label = null)
{
    /// <summary>
    /// The label of a value that names what to leave alone: "select only cheese and olives" clears every other box,
    /// and the sub-goal that does it carries "cheese" and "olives" with this label.
    /// </summary>
    public const string ExceptLabel = "except";

    /// <summary>Whether this value names something the sub-goal must leave alone (<see cref="ExceptLabel"/>).</summary>
    public bool IsException => Label == ExceptLabel;
}

/// <summary>The kinds of value a goal can give.</summary>
public enum GoalValueKind
{
    /// <summary>Free text (usually quoted in the goal).</summary>
    Text,
    /// <summary>An email address.</summary>
    Email,
    /// <summary>A number or a count.</summary>
    Number,
    /// <summary>A calendar date, as <c>yyyy-MM-dd</c>.</summary>
    Date,
    /// <summary>A time of day, as <c>HH:mm</c>.</summary>
    Time,
    /// <summary>A password, access code or PIN.</summary>
    Password,
    /// <summary>A URL or path.</summary>
    Url,
    /// <summary>A keyboard key or chord (<c>Enter</c>, <c>Control+A</c>).</summary>
    Key,
    /// <summary>A placeholder the engine resolves (<c>${inputs.x}</c>, <c>${secrets.y}</c>).</summary>
    Placeholder,
}
