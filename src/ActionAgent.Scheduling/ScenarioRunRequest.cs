using ActionAgent.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Scheduling;

/// <summary>One run a worker asks for.</summary>
public sealed record ScenarioRunRequest
{
    /// <summary>The job's name.</summary>
    public required string Job { get; init; }

    /// <summary>The run's id (log events carry it).</summary>
    public required string RunId { get; init; }

    /// <summary>The scenario file.</summary>
    public required string Scenario { get; init; }

    /// <summary>Scenario inputs to override.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the run's recording goes.</summary>
    public required string RecordingFolder { get; init; }

    /// <summary>Which pictures the run takes (the job's <see cref="JobSpec.Screenshots"/>).</summary>
    /// <value>The default value is <see cref="RunScreenshots.Failures"/>.</value>
    public RunScreenshots Screenshots { get; init; } = RunScreenshots.Failures;

    /// <summary>A remote browser to open a context in, or null to launch a local Chromium.</summary>
    public BrowserEndpoint? Browser { get; init; }

    /// <summary>
    /// The worker's logger for this run: every event it writes carries the <c>JobId</c>, <c>RunId</c> and <c>Firing</c>
    /// properties (as a logging scope). A runner that has no logger of its own logs here.
    /// </summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
