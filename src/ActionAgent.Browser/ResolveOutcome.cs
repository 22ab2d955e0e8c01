namespace ActionAgent.Browser;

/// <summary>What resolving a target came to: the element, or the layers tried and why each failed.</summary>
internal sealed record ResolveOutcome(ResolvedElement? Element, IReadOnlyList<string> Tried, bool Ambiguous)
{
    public string TriedText => Tried.Count == 0 ? "no layer could be tried" : string.Join("; ", Tried);
}
