namespace ActionAgent.Core.Engine;

/// <summary>Which pictures a goal run takes and keeps in its recording (<c>agent run --screenshots</c>).</summary>
public enum RunScreenshots
{
    /// <summary>
    /// A picture after every step: the report shows each step as it was. The engine's default
    /// (<see cref="RunEngineServices.Screenshots"/>); the agent's and the commands' is <see cref="Failures"/>.
    /// </summary>
    All,

    /// <summary>
    /// Only the pictures something reads: before a step whose check may compare pixels where nothing else can tell (a
    /// click or a key press on a page that draws what its DOM does not say, an app without a tree, as the screen check
    /// says: <see cref="Ports.IScreenVerifier.NeedsScreenshotBefore"/>), where the check has to read the screen,
    /// where the visual locator looks, after a failed step, and at the end of the run. The other steps are recorded
    /// without a picture. Replay never reads pictures; a planner that reads them gets every one.
    /// </summary>
    Failures,
}

/// <summary>The names of <see cref="RunScreenshots"/> on a command line and in configuration.</summary>
public static class RunScreenshotsNames
{
    /// <summary>The names, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<string> All { get; } = ["all", "failures"];

    /// <summary>The name of a choice, as <see cref="Parse"/> reads it.</summary>
    /// <param name="screenshots">The choice.</param>
    /// <returns><c>all</c> or <c>failures</c>.</returns>
    public static string Name(RunScreenshots screenshots) => screenshots == RunScreenshots.Failures ? "failures" : "all";

    /// <summary>Reads a name, in any case; null when it is none of <see cref="All"/>.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The choice, or null.</returns>
    public static RunScreenshots? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "ALL" => RunScreenshots.All,
        "FAILURES" => RunScreenshots.Failures,
        _ => null,
    };
}
