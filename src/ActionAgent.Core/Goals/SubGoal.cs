namespace ActionAgent.Core.Goals;

/// <summary>
/// One thing a goal asks for, in the order the goal asks for it: "Sign up as ana@example.net and agree to the rules"
/// is three sub-goals (enter the email, tick the rules box, press the sign-up control). Sub-goals say what, not where:
/// the planner grounds them on the page, and the engine checks each one's <see cref="Effect"/> on the screen.
/// </summary>
public sealed record SubGoal
{
    /// <summary>Its position in the goal, from 1.</summary>
    public required int Index { get; init; }

    /// <summary>The action family.</summary>
    public required ActionFamily Family { get; init; }

    /// <summary>The words of the goal this sub-goal came from ("tick off the second task").</summary>
    public required string Text { get; init; }

    /// <summary>The verb as written ("tick off"), or the verb implied for an implied step ("press").</summary>
    public string? Verb { get; init; }

    /// <summary>The object in words ("task", "newsletter", "the access code field"), empty when the goal names none.</summary>
    public string Object { get; init; } = "";

    /// <summary>The values the sub-goal uses (text to type, option to choose, dates).</summary>
    public IReadOnlyList<GoalValue> Values { get; init; } = [];

    /// <summary>Quantifiers, orderings, positions and wanted toggle states.</summary>
    public GoalQualifiers Qualifiers { get; init; } = GoalQualifiers.None;

    /// <summary>Where to look, in words ("the dialog", "the post by @ana", "the row for Porto"), when the goal says.</summary>
    public string? Scope { get; init; }

    /// <summary>A second object for two-place actions: the drop target of a drag ("onto Done").</summary>
    public string? Destination { get; init; }

    /// <summary>What should be observable once this sub-goal is reached.</summary>
    public required ExpectedEffect Effect { get; init; }

    /// <summary>Whether the goal only implied this sub-goal ("put X on the list" implies committing it; "sign in with …" implies pressing sign in).</summary>
    public bool Implied { get; init; }

    /// <summary>Whether the run may succeed without it (an implied commit whose effect the previous sub-goal already shows).</summary>
    public bool Optional { get; init; }

    /// <summary>A one-line summary for progress output and failure messages.</summary>
    public override string ToString() => $"#{Index} {Family} \"{Text}\"";
}
