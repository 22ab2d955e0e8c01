using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Ports;

/// <summary>The visual locator (SAM role): finds elements on a screenshot from a point, a box, words, or everything.</summary>
public interface IElementLocator
{
    /// <summary>A short name for recordings.</summary>
    string Name { get; }

    /// <summary>Finds candidate elements, best first.</summary>
    Task<IReadOnlyList<LocatedElement>> LocateAsync(LocateRequest request, CancellationToken cancellationToken);
}

/// <summary>A locator prompt on a PNG screenshot.</summary>
public sealed record LocateRequest
{
    /// <summary>The PNG screenshot.</summary>
    public required byte[] Screenshot { get; init; }

    /// <summary>The element under this point.</summary>
    public (double X, double Y)? Point { get; init; }

    /// <summary>The elements inside this box.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>Words describing the element ("the Pay button").</summary>
    public string? Text { get; init; }

    /// <summary>Set when no prompt is given: every interactive-looking region.</summary>
    public bool Everything => Point is null && Box is null && Text is null;

    /// <summary>How many candidates to return at most.</summary>
    public int MaxResults { get; init; } = 10;
}

/// <summary>A region found on a screenshot.</summary>
/// <param name="Box">Where it is.</param>
/// <param name="Text">Text read inside it, if any.</param>
/// <param name="Score">How well it fits the prompt, 0 to 1.</param>
/// <param name="Kind">What it looks like (button, field, text, icon), when known.</param>
public sealed record LocatedElement(BoundingBox Box, string? Text, double Score, string? Kind = null);
