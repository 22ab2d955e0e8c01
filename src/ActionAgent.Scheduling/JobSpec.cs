using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Engine;
using Quartz;

namespace ActionAgent.Scheduling;

/// <summary>
/// A scheduled job as the user defined it. It is kept in Quartz's job data; it holds the scenario's path and input
/// parameters, never a secret value (secrets come from the worker's environment or secrets file at run time).
/// </summary>
public sealed record JobSpec
{
    /// <summary>The job's name (unique in the store).</summary>
    public required string Name { get; init; }

    /// <summary>The scenario file, as an absolute path on the workers.</summary>
    public required string Scenario { get; init; }

    /// <summary>The Quartz cron expression (seconds first: <c>0 0/5 * * * ?</c>).</summary>
    public required string Cron { get; init; }

    /// <summary>The time zone the cron expression is read in. <value>The default value is UTC.</value></summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Scenario inputs to override (<c>--param passenger.first_name=Ada</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>What to do about missed firings. <value>The default value is <see cref="MisfirePolicy.RunOnce"/>.</value></summary>
    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.RunOnce;

    /// <summary>How long one attempt may take. <value>The default value is 10 minutes.</value></summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a failed run is tried again, with backoff. <value>The default value is 0.</value></summary>
    public int Retries { get; init; }

    /// <summary>The first retry's delay; each later one doubles it. <value>The default value is 10 seconds.</value></summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Which pictures each run takes (<c>schedule add --screenshots</c>): only those a check reads, a failed step's and
    /// the end's, or every step's (a larger recording per run). A job stored before the choice existed photographs
    /// every step, as it did then. <value>The default value is <see cref="RunScreenshots.Failures"/>.</value>
    /// </summary>
    public RunScreenshots Screenshots { get; init; } = RunScreenshots.Failures;

    internal const string Group = "actionagent";

    internal JobKey Key => new(Name, Group);

    internal TriggerKey TriggerKey => new(Name, Group);

    internal JobDataMap ToJobData() => new()
    {
        ["scenario"] = Scenario,
        ["cron"] = Cron,
        ["timezone"] = TimeZone,
        ["params"] = JsonSerializer.Serialize(Parameters),
        ["misfire"] = Misfire == MisfirePolicy.Skip ? "skip" : "run-once",
        ["timeout"] = Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ["retries"] = Retries.ToString(CultureInfo.InvariantCulture),
        ["retry_delay"] = RetryDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ["screenshots"] = RunScreenshotsNames.Name(Screenshots),
    };

    internal static JobSpec FromJobData(string name, JobDataMap data) => new()
    {
        Name = name,
        Scenario = Text(data, "scenario") ?? "",
        Cron = Text(data, "cron") ?? "",
        TimeZone = Text(data, "timezone") ?? "UTC",
        Parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(Text(data, "params") ?? "{}") ?? [],
        Misfire = Text(data, "misfire") == "skip" ? MisfirePolicy.Skip : MisfirePolicy.RunOnce,
        Timeout = TimeSpan.FromSeconds(Number(data, "timeout", 600)),
        Retries = (int)Number(data, "retries", 0),
        RetryDelay = TimeSpan.FromSeconds(Number(data, "retry_delay", 10)),
        // A job stored before the setting, or a value this build does not know, photographs every step.
        Screenshots = RunScreenshotsNames.Parse(Text(data, "screenshots")) ?? RunScreenshots.All,
    };

    private static string? Text(JobDataMap data, string key) => data.TryGetValue(key, out var value) ? value?.ToString() : null;

    private static double Number(JobDataMap data, string key, double fallback) =>
        double.TryParse(Text(data, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
