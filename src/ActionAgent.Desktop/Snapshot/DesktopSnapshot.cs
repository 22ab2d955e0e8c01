using ActionAgent.Desktop.AtSpi;

namespace ActionAgent.Desktop.Snapshot;

/// <summary>A rendered desktop snapshot: the text, and what each of its refs points at.</summary>
internal sealed class DesktopSnapshot
{
    public required string Text { get; init; }

    public required IReadOnlyDictionary<string, AtSpiElement> Refs { get; init; }

    public required IReadOnlyList<AtSpiElement> Windows { get; init; }

    /// <summary>Every element of every window, depth first.</summary>
    public IEnumerable<AtSpiElement> All() => Windows.SelectMany(w => w.DescendantsAndSelf());
}
