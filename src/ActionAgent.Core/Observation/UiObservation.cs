namespace ActionAgent.Core.Observation;

/// <summary>What a driver sees at one moment: where it is, the accessibility tree, and optionally a screenshot.</summary>
public sealed record UiObservation
{
    /// <summary>The page URL, or the desktop application/window identity.</summary>
    public required string Location { get; init; }

    /// <summary>The page or window title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The accessibility snapshot as text (Playwright's AI snapshot format), compact enough for a model prompt.</summary>
    public string SnapshotText { get; init; } = "";

    /// <summary>The parsed snapshot.</summary>
    public IReadOnlyList<UiNode> Nodes { get; init; } = [];

    /// <summary>A PNG screenshot, when one was taken.</summary>
    public byte[]? Screenshot { get; init; }

    /// <summary>
    /// The screenshot still being taken, when the observation was asked for with
    /// <see cref="Ports.ObserveOptions.ScreenshotLater"/> and the driver could take it beside what comes next (then
    /// <see cref="Screenshot"/> is null until the caller puts the finished picture there). Whoever asked waits for it
    /// before anything acts on the screen again.
    /// </summary>
    public Task<byte[]>? PendingScreenshot { get; init; }

    /// <summary>The viewport size in pixels, when known.</summary>
    public (int Width, int Height)? Viewport { get; init; }

    /// <summary>
    /// The files the page has downloaded since the driver started, oldest first, by the name the page gave each (the
    /// browser's download list, as a person would see it). A step that fetched a file shows as one more entry here.
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> Downloads { get; init; } = [];

    /// <summary>
    /// The page's count of visible DOM changes (<see cref="DomChangeMeter"/>), when the driver keeps one; null for
    /// a desktop app, or a page the driver could not read it from.
    /// </summary>
    public DomChangeMeter? DomChanges { get; init; }

    /// <summary>Every node of the snapshot, depth first.</summary>
    public IEnumerable<UiNode> AllNodes() => Nodes.SelectMany(n => n.DescendantsAndSelf());

    /// <summary>All visible text of the snapshot, space separated.</summary>
    public string VisibleText() => string.Join(" ", Nodes.Select(n => n.InnerText()));
}
