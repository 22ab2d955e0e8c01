using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>One meaning of a verb, read from a verbs file: the family it maps to and what it implies.</summary>
internal sealed record VerbSense
{
    /// <summary>The action family.</summary>
    public required ActionFamily Family { get; init; }

    /// <summary>The effect that proves the step worked.</summary>
    public required EffectKind Effect { get; init; }

    /// <summary>Object words the sense is restricted to (empty: any object).</summary>
    public IReadOnlyList<string> Objects { get; init; } = [];

    /// <summary>For toggles: the state wanted, when the verb says.</summary>
    public bool? State { get; init; }

    /// <summary>The control an implied commit presses after the values ("sign in", "add"), when the verb implies one.</summary>
    public string? Commit { get; init; }

    /// <summary>The effect of the implied commit.</summary>
    public EffectKind CommitEffect { get; init; } = EffectKind.Navigated;

    /// <summary>Whether the object is the text to type: <see cref="QueryUse.Always"/> ("search for red shoes in size 42"), or <see cref="QueryUse.Alone"/> when the clause has no other value.</summary>
    public QueryUse Query { get; init; }

    /// <summary>Whether the verb names the control and the object says where it is ("like every photo by @ana").</summary>
    public bool VerbIsTarget { get; init; }

    /// <summary>The file the sense came from.</summary>
    public string Source { get; init; } = "";
}

/// <summary>When a search verb's object is the text to type.</summary>
internal enum QueryUse
{
    /// <summary>Never: the verb is not a search.</summary>
    None,
    /// <summary>Only when the clause gives no other value ("find hotels from A to B" types the dates).</summary>
    Alone,
    /// <summary>Always ("search for red shoes in size 42").</summary>
    Always,
}
