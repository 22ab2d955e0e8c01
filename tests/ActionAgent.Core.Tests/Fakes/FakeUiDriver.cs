using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Tests.Fakes;

/// <summary>A scripted driver: every action succeeds unless a rule says otherwise; it remembers what it was asked.</summary>
public sealed class FakeUiDriver : IUiDriver
{
    private readonly List<Func<UiAction, ActionResult?>> _rules = [];

    public string Name => "fake";
    public string Location { get; set; } = "http://app.test/";
    public string Snapshot { get; set; } = "- heading \"Home\" [ref=e1]";
    public List<UiAction> Actions { get; } = [];
    public List<IReadOnlyList<ElementTarget>> ScreenshotMasks { get; } = [];
    public Func<UiAction, CancellationToken, Task>? BeforeAction { get; set; }

    /// <summary>Called at each observation (1, 2, …); it may throw, as a driver whose app stopped answering does.</summary>
    public Action<int>? OnObserve { get; set; }

    public int Observations { get; private set; }

    /// <summary>
    /// When set, an observation asked for with ScreenshotLater comes back with this picture still being taken (given the
    /// observation's number), as the browser driver's does.
    /// </summary>
    public Func<int, Task<byte[]>>? PictureLater { get; set; }

    /// <summary>Adds a rule: the first rule that returns a result decides the action's outcome.</summary>
    public FakeUiDriver When(Func<UiAction, ActionResult?> rule)
    {
        _rules.Add(rule);
        return this;
    }

    public Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Observations++; // counted apart: an argument of OnObserve?.Invoke is not evaluated when nobody listens
        OnObserve?.Invoke(Observations);
        if (options.IncludeScreenshot) ScreenshotMasks.Add(options.Masked ?? []);
        var later = options.IncludeScreenshot && options.ScreenshotLater && PictureLater is not null;
        return Task.FromResult(new UiObservation
        {
            Location = Location,
            Title = "Fake",
            SnapshotText = Snapshot,
            Nodes = AriaSnapshotParser.Parse(Snapshot),
            Screenshot = options.IncludeScreenshot && !later ? [0x89, 0x50, 0x4E, 0x47] : null,
            PendingScreenshot = later ? PictureLater!(Observations) : null,
        });
    }

    public async Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken)
    {
        Actions.Add(action);
        if (BeforeAction is not null) await BeforeAction(action, cancellationToken);
        foreach (var rule in _rules)
        {
            if (rule(action) is { } result) return result;
        }
        if (action.Kind == ActionKind.Goto && action.Value is not null) Location = action.Value;
        return ActionResult.Success(action.Target is null ? null : action.Target with { Css = "#resolved" }, "fake",
            action.Kind == ActionKind.Extract ? "extracted text" : null);
    }

    /// <summary>When set, a screenshot asked for on its own (not with an observation) is this (it may never finish).</summary>
    public Func<CancellationToken, Task<byte[]>>? TakeScreenshot { get; set; }

    public Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken)
    {
        ScreenshotMasks.Add(masked);
        return TakeScreenshot?.Invoke(cancellationToken) ?? Task.FromResult<byte[]>([0x89, 0x50, 0x4E, 0x47]);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
