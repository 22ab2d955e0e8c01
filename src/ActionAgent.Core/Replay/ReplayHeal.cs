using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Replay;

/// <summary>
/// A heal: the step's first locator no longer matched and a later layer of its recorded target found the element.
/// </summary>
/// <param name="BrokenLocator">The first locator, which failed (<c>role button "Search flights"</c>).</param>
/// <param name="FoundBy">The layer that found the element (<c>xpath</c>, <c>css</c>, <c>box</c>...).</param>
/// <param name="FoundLocator">That layer's locator (<c>xpath /html/body/main/section[1]/div/form/div[4]/button</c>).</param>
/// <param name="NewTarget">The element found, described again in every layer (what <c>--heal-out</c> writes).</param>
/// <param name="Shot">A screenshot taken before acting, relative to the replay's output folder.</param>
/// <param name="Box">Where the element was on that screenshot (the crop).</param>
public sealed record ReplayHeal(string BrokenLocator, string FoundBy, string FoundLocator, ElementTarget? NewTarget,
    string? Shot, BoundingBox? Box);
