using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Ports;

/// <summary>
/// A UI the agent can see and act on: a browser page, a desktop application. Expected failures (element not found,
/// timeout) come back as <see cref="ActionResult"/> values; exceptions mean a broken environment.
/// </summary>
public interface IUiDriver : IAsyncDisposable
{
    /// <summary>A short name for logs and recordings ("browser", "desktop").</summary>
    string Name { get; }

    /// <summary>Looks at the UI: location, title, accessibility snapshot and, when asked, a screenshot.</summary>
    Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken);

    /// <summary>Carries out one action.</summary>
    Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken);

    /// <summary>Takes a PNG screenshot, painting over the masked targets (fields that hold secrets).</summary>
    Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken);
}

/// <summary>What an observation should include.</summary>
/// <param name="IncludeScreenshot">Whether to take a screenshot too.</param>
/// <param name="Masked">Targets to paint over in the screenshot.</param>
public sealed record ObserveOptions(bool IncludeScreenshot = false, IReadOnlyList<ElementTarget>? Masked = null)
{
    /// <summary>
    /// With <see cref="IncludeScreenshot"/>: the observation may come back as soon as the tree is read, the picture
    /// still being taken (<see cref="Observation.UiObservation.PendingScreenshot"/>), when the driver can take it beside
    /// other reads. A driver that cannot returns the picture in <see cref="Observation.UiObservation.Screenshot"/> as usual.
    /// </summary>
    public bool ScreenshotLater { get; init; }

    /// <summary>Snapshot only, no screenshot.</summary>
    public static ObserveOptions SnapshotOnly { get; } = new();
}

/// <summary>An action with its value resolved (secrets included), ready for a driver.</summary>
/// <param name="Step">The step as planned (its value may hold placeholders).</param>
/// <param name="Value">The resolved value the driver types or selects.</param>
/// <param name="ValueIsSecret">Whether the value is a secret: drivers must not log it.</param>
/// <param name="Timeout">How long the driver may wait for the target to become actionable.</param>
public sealed record UiAction(PlanStep Step, string? Value, bool ValueIsSecret, TimeSpan Timeout)
{
    /// <summary>The step's action.</summary>
    public ActionKind Kind => Step.Action;

    /// <summary>The step's target.</summary>
    public ElementTarget? Target => Step.Target;

    /// <summary>
    /// When the value is a secret: the hosts it may be typed on. The driver checks the page (and the frame) it would
    /// type into right before typing, and refuses any other host. Null: no binding.
    /// </summary>
    public Policy.AllowList? SecretHosts { get; init; }
}

/// <summary>Why an action failed, so the engine can decide to retry, relocate or replan.</summary>
public enum ActionFailureKind
{
    /// <summary>No failure.</summary>
    None,
    /// <summary>No element matched the target.</summary>
    TargetNotFound,
    /// <summary>More than one element matched and none was better.</summary>
    TargetAmbiguous,
    /// <summary>The element was there but could not be acted on (disabled, covered, hidden).</summary>
    NotActionable,
    /// <summary>Waiting ran out.</summary>
    Timeout,
    /// <summary>An assertion step found the UI different from what it expected.</summary>
    AssertionFailed,
    /// <summary>Navigation was refused (policy) or failed.</summary>
    NavigationFailed,
    /// <summary>The step itself was malformed (no target for a click, unknown key).</summary>
    InvalidStep,
}

/// <summary>The outcome of one driver action.</summary>
public sealed record ActionResult
{
    /// <summary>Whether the action was carried out.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Why it failed, when it did.</summary>
    public ActionFailureKind FailureKind { get; init; }

    /// <summary>A message a person can act on: what was looked for, what was seen.</summary>
    public string? Error { get; init; }

    /// <summary>The element acted on, described in every layer the driver could read (role+name, label, css, xpath, box).</summary>
    public ElementTarget? ResolvedTarget { get; init; }

    /// <summary>Which layer of the requested target found the element ("role", "css", "box", ...).</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>For a drag: the element it was dropped on, in every layer the driver could read.</summary>
    public ElementTarget? ResolvedDropTarget { get; init; }

    /// <summary>For a drag: which layer of the drop target found the element.</summary>
    public string? DropResolvedBy { get; init; }

    /// <summary>Text read by an extract step.</summary>
    public string? ExtractedText { get; init; }

    /// <summary>
    /// Native dialogs the page raised and how the driver answered them, e.g. <c>confirm "Remove Rob Smith?" accepted</c>.
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> Dialogs { get; init; } = [];

    /// <summary>A success.</summary>
    public static ActionResult Success(ElementTarget? resolved = null, string? resolvedBy = null, string? extracted = null) =>
        new() { Succeeded = true, ResolvedTarget = resolved, ResolvedBy = resolvedBy, ExtractedText = extracted };

    /// <summary>A failure of the given kind.</summary>
    public static ActionResult Failure(ActionFailureKind kind, string error) =>
        new() { Succeeded = false, FailureKind = kind, Error = error };
}
