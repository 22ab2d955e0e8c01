namespace ActionAgent.Scheduling;

/// <summary>How a worker runs (<c>agent worker</c>'s options).</summary>
public sealed record WorkerOptions
{
    /// <summary>Runs (browser contexts) at once. <value>The default value is 1.</value></summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>How long SIGTERM waits for running jobs before cancelling them (they are recorded interrupted). <value>The default value is 30 seconds.</value></summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How late a firing may be before it counts as missed (and its job's misfire policy applies). <value>The default value is 60 seconds.</value></summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the worker says it is alive; a clustered worker silent for twice this is taken as dead and its jobs recovered. <value>The default value is 5 seconds.</value></summary>
    public TimeSpan Checkin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Remote browsers; empty: each run launches a local Chromium.</summary>
    public IReadOnlyList<BrowserEndpoint> Browsers { get; init; } = [];

    /// <summary>A webhook to post runs to. <value>The default value is null: none.</value></summary>
    public Uri? Webhook { get; init; }

    /// <summary>Whether the webhook hears only failures. <value>The default value is <c>true</c>.</value></summary>
    public bool NotifyFailuresOnly { get; init; } = true;

    /// <summary>Where recordings go (<c>DIR/JOB/STAMP-RUN</c>). <value>The default value is null: <c>DATA/runs</c>.</value></summary>
    public string? RecordingsRoot { get; init; }

    /// <summary>This worker's id. <value>The default value is HOST-PID-RANDOM.</value></summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
