using ActionAgent.Core.Ports;

namespace ActionAgent;

/// <summary>The screen check's answer to an expectation, with what it saw.</summary>
public sealed record ExpectationResult
{
    /// <summary>The expectation, in words.</summary>
    public required string Expectation { get; init; }

    /// <summary>What the check decided.</summary>
    public required VerdictOutcome Outcome { get; init; }

    /// <summary>Whether the screen shows what was expected (an unsure check is not a pass).</summary>
    public bool Passed => Outcome == VerdictOutcome.Passed;

    /// <summary>From 0 to 1.</summary>
    public double Confidence { get; init; }

    /// <summary>Why, for a person.</summary>
    public required string Reason { get; init; }

    /// <summary>The page's URL when it was checked.</summary>
    public required string Location { get; init; }

    /// <summary>What the check saw (the text read off the screen, the phrase matched, the similarity).</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();

    /// <summary>Which backend decided.</summary>
    public required string Backend { get; init; }

    /// <summary>A one-line account: the verdict, the reason, the URL and the text seen.</summary>
    /// <returns>The account.</returns>
    public override string ToString()
    {
        var seen = Evidence.TryGetValue("ocrSample", out var text) ? $" Seen: \"{text}\"." : "";
        return $"{Outcome.ToString().ToLowerInvariant()} ({Confidence:0.00}, {Backend}): expected {Expectation} — {Reason} at {Location}.{seen}";
    }
}
