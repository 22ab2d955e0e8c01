namespace ActionAgent.Planning.Offline;

/// <summary>One semantic step of a skill, as written in its YAML.</summary>
public sealed record SkillStep
{
    /// <summary>
    /// What to do: <c>fill</c>, <c>click</c>, <c>select</c>, <c>check</c>, <c>uncheck</c>, <c>press</c>,
    /// <c>choose</c> (pick one of a list of repeated results by <see cref="Value"/>: cheapest, shortest, earliest),
    /// <c>complete</c> (fill every form on each page from the inputs and secrets, then press the button that goes on,
    /// until the <see cref="Final"/> button has been pressed).
    /// </summary>
    public string Do { get; init; } = "";

    /// <summary>The element in plain words ("the field for the origin: where the flight leaves from").</summary>
    public string Target { get; init; } = "";

    /// <summary>The value, with slots in braces (<c>{origin}</c>) and placeholders (<c>${inputs.x}</c>).</summary>
    public string? Value { get; init; }

    /// <summary>How to read the value when filling: <c>text</c> (default), <c>place</c>, <c>date</c> or <c>count</c>.</summary>
    public string As { get; init; } = "text";

    /// <summary>A slot that must have a value for the step to run (otherwise it is skipped).</summary>
    public string? When { get; init; }

    /// <summary>Whether the step is skipped when the page has nothing that fits it.</summary>
    public bool Optional { get; init; }

    /// <summary>For <c>complete</c>: the button that ends the flow, pressed once payment details are filled.</summary>
    public string? Final { get; init; }

    /// <summary>Tags for the policy (<c>purchase</c> needs approval); for <c>complete</c>, they go on the final click.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Do} {Target}" : $"{Do} {Target} with {Value}";
}
