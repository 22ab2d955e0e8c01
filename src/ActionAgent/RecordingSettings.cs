using ActionAgent.Core.Engine;

namespace ActionAgent;

/// <summary>Where runs and replays write their recordings, reports and logs.</summary>
public sealed class RecordingSettings
{
    /// <summary>The parent folder of the runs' recording folders (each run gets <c>NAME-TIMESTAMP</c>).</summary>
    /// <value>The default value is <c>recordings/runs</c> under the working directory.</value>
    public string Folder { get; set; } = Path.Combine("recordings", "runs");

    /// <summary>The parent folder of the replays' output folders.</summary>
    /// <value>The default value is <c>recordings/replays</c> under the working directory.</value>
    public string ReplayFolder { get; set; } = Path.Combine("recordings", "replays");

    /// <summary>
    /// Save a Playwright trace (<c>trace.zip</c>) in each run's recording folder and each replay's output folder, as
    /// <c>agent run --trace</c> does. A scenario or recording that uses secrets is refused (an <see cref="ArgumentException"/>):
    /// a trace keeps typed values in clear.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool Trace { get; set; }

    /// <summary>
    /// Which pictures a goal run takes and records, as <c>agent run --screenshots</c>: only those something reads, a
    /// failed step's and the end's (<see cref="RunScreenshots.Failures"/>: a faster run and a smaller recording), or
    /// every step's (<see cref="RunScreenshots.All"/>). Replays choose theirs with <see cref="AgentReplayOptions"/>.
    /// </summary>
    /// <value>The default value is <see cref="RunScreenshots.Failures"/>.</value>
    public RunScreenshots Screenshots { get; set; } = RunScreenshots.Failures;
}
