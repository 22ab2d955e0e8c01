namespace ActionAgent.Core.Goals;

/// <summary>What should be observable once a sub-goal is reached.</summary>
/// <param name="Kind">The kind of change.</param>
/// <param name="Subject">What it is about, in words (the field, the list, the item), when known.</param>
/// <param name="Value">The value or text that should show (the typed text, the chosen option), when known.</param>
public sealed record ExpectedEffect(EffectKind Kind, string? Subject = null, string? Value = null)
{
    /// <summary>A one-line description for progress output and failure messages.</summary>
    public override string ToString() => (Subject, Value) switch
    {
        (null, null) => Kind.ToString(),
        (null, _) => $"{Kind} \"{Value}\"",
        (_, null) => $"{Kind} on {Subject}",
        _ => $"{Kind} on {Subject} = \"{Value}\"",
    };
}
