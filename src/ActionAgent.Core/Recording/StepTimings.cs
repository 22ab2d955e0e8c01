namespace ActionAgent.Core.Recording;

/// <summary>
/// Where a step's time went, in milliseconds, phase by phase. Each phase counts only its own time (a phase that runs
/// inside another, such as the action the visual fallback takes, is not counted twice), so the phases add up to at
/// most the step's <see cref="StepRecord.DurationMs"/> plus the planning that came before it. Recordings made before
/// timings existed have none.
/// </summary>
public sealed record StepTimings
{
    /// <summary>Reading the screen: the accessibility snapshot and, when taken, the screenshot.</summary>
    public long ObserveMs { get; init; }

    /// <summary>The planner (and the goal's interpretation) deciding this step, before it started.</summary>
    public long PlanMs { get; init; }

    /// <summary>Grounding a described target in the accessibility tree.</summary>
    public long GroundMs { get; init; }

    /// <summary>The driver's action, including its own waits for the element and for the page to settle.</summary>
    public long ActMs { get; init; }

    /// <summary>The model-free checks: deriving or verifying the step's checks and its sub-goal's effect.</summary>
    public long CheckMs { get; init; }

    /// <summary>The screen check (the verifier: pixel change, alerts, OCR, or a vision model).</summary>
    public long ScreenCheckMs { get; init; }

    /// <summary>The visual locator: the fallback when the tree had no element, and effects read off screenshots.</summary>
    public long VisualMs { get; init; }

    /// <summary>Saving screenshots and crops and writing the recording.</summary>
    public long RecordMs { get; init; }

    /// <summary>The sum of the phases.</summary>
    public long TotalMs => ObserveMs + PlanMs + GroundMs + ActMs + CheckMs + ScreenCheckMs + VisualMs + RecordMs;

    /// <summary>The phases as name and milliseconds, in the order a step goes through them.</summary>
    public IEnumerable<(string Phase, long Ms)> Phases()
    {
        yield return ("observe", ObserveMs);
        yield return ("plan", PlanMs);
        yield return ("ground", GroundMs);
        yield return ("act", ActMs);
        yield return ("check", CheckMs);
        yield return ("screen check", ScreenCheckMs);
        yield return ("visual", VisualMs);
        yield return ("record", RecordMs);
    }

    /// <summary>Adds two timings phase by phase.</summary>
    public static StepTimings operator +(StepTimings left, StepTimings right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new StepTimings
        {
            ObserveMs = left.ObserveMs + right.ObserveMs,
            PlanMs = left.PlanMs + right.PlanMs,
            GroundMs = left.GroundMs + right.GroundMs,
            ActMs = left.ActMs + right.ActMs,
            CheckMs = left.CheckMs + right.CheckMs,
            ScreenCheckMs = left.ScreenCheckMs + right.ScreenCheckMs,
            VisualMs = left.VisualMs + right.VisualMs,
            RecordMs = left.RecordMs + right.RecordMs,
        };
    }

    /// <summary>Adds two timings phase by phase (the named alternative to <c>+</c>).</summary>
    public static StepTimings Add(StepTimings left, StepTimings right) => left + right;
}
