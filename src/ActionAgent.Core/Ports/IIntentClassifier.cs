namespace ActionAgent.Core.Ports;

/// <summary>The fast intent parser (SLM role): which intent a goal expresses, and its slots.</summary>
public interface IIntentClassifier
{
    /// <summary>A short name for recordings.</summary>
    string Name { get; }

    /// <summary>Classifies a goal.</summary>
    Task<IntentResult> ClassifyAsync(string text, CancellationToken cancellationToken);
}

/// <summary>An intent with its slots.</summary>
/// <param name="Intent">The intent name (<c>book-flight</c>, <c>log-in</c>, <c>commands</c>...).</param>
/// <param name="Confidence">From 0 to 1.</param>
/// <param name="Slots">Slot values by name (<c>origin</c>, <c>date</c>...).</param>
public sealed record IntentResult(string Intent, double Confidence, IReadOnlyDictionary<string, string> Slots);
