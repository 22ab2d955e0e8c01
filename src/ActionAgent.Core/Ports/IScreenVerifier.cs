using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Ports;

/// <summary>The screen check (VLM role): does the screen after a step show what the step expected?</summary>
public interface IScreenVerifier
{
    /// <summary>A short name for recordings ("embedded", "openai:gpt-4o").</summary>
    string Name { get; }

    /// <summary>Checks the screen after a step.</summary>
    Task<ScreenVerdict> VerifyAsync(ScreenCheck check, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <see cref="VerifyAsync"/> would look at the pictures for this check, asked while the after-picture is
    /// still being taken (<see cref="ScreenCheck.After"/> then has the page's tree, address and title, and no screenshot).
    /// When false, the engine checks the step without waiting for the picture; the default, true, always waits for it.
    /// </summary>
    bool NeedsScreenshot(ScreenCheck check) => true;

    /// <summary>
    /// Whether the check of <paramref name="step"/> may compare the screen with how it looked before the step, asked
    /// before the step acts, when a run takes only the pictures it needs (<see cref="Engine.RunScreenshots.Failures"/>)
    /// and <paramref name="before"/> has none: when true, the engine takes one first. The default, true, photographs the
    /// screen before every step.
    /// </summary>
    bool NeedsScreenshotBefore(PlanStep step, UiObservation before) => true;
}

/// <summary>What the screen check looks at.</summary>
/// <param name="Step">The step that was just carried out.</param>
/// <param name="Expectation">What should be on screen, in words; null to check only that the step had an effect.</param>
/// <param name="Before">The observation before the step (with screenshot when available).</param>
/// <param name="After">The observation after the step (with screenshot).</param>
public sealed record ScreenCheck(PlanStep Step, string? Expectation, UiObservation Before, UiObservation After);

/// <summary>The screen check's answer.</summary>
/// <param name="Outcome">Passed, failed or unsure.</param>
/// <param name="Confidence">From 0 to 1.</param>
/// <param name="Reason">Why, for a person.</param>
/// <param name="Backend">Which backend decided.</param>
public sealed record ScreenVerdict(VerdictOutcome Outcome, double Confidence, string Reason, string Backend)
{
    /// <summary>Evidence for the report (OCR text seen, change ratio, matched phrase...).</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();

    /// <summary>What asking a model for this verdict cost (counted toward the run's token and cost budgets).</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;
}

/// <summary>The possible screen check outcomes.</summary>
public enum VerdictOutcome
{
    /// <summary>The screen shows what was expected.</summary>
    Passed,
    /// <summary>It does not.</summary>
    Failed,
    /// <summary>The check cannot tell.</summary>
    Unsure,
}
