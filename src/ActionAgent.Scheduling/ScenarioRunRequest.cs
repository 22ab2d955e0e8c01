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

    /// <summary>A remote browser to open a context in, or null to launch a local Chromium.</summary>
    public BrowserEndpoint? Browser { get; init; }

    /// <summary>The worker's logger, already carrying the job and run ids.</summary>
    public Serilog.ILogger Logger { get; init; } = Serilog.Core.Logger.None;
}
