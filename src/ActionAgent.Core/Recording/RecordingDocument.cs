using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Recording;

/// <summary>
/// <c>recording.json</c>, format v1 (documented by <c>schemas/recording.v1.schema.json</c>): a run's header,
/// its steps, the planner's events and the outcome.
/// </summary>
public sealed record RecordingDocument
{
    /// <summary>The current format version.</summary>
    public const string CurrentVersion = "1";

    /// <summary>The format version.</summary>
    public string Version { get; init; } = CurrentVersion;

    /// <summary>Who ran, what, where.</summary>
    public required RecordingHeader Header { get; init; }

    /// <summary>The steps, in the order they ran.</summary>
    public List<StepRecord> Steps { get; init; } = [];

    /// <summary>Plans and replans.</summary>
    public List<PlanEvent> PlanEvents { get; init; } = [];

    /// <summary>The outcome; null while the run is still going (or when it was killed).</summary>
    public RunSummary? Summary { get; set; }
}

/// <summary>What a recording is of.</summary>
public sealed record RecordingHeader
{
    /// <summary>The scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>The goal.</summary>
    public string? Goal { get; init; }

    /// <summary>The scenario file, relative to where the run started, when there was one.</summary>
    public string? Scenario { get; init; }

    /// <summary>The app's start as the scenario wrote it (<c>site:NAME</c> or a URL).</summary>
    public string? AppStart { get; init; }

    /// <summary>The URL the start resolved to in this run (a site's loopback port changes between runs).</summary>
    public string? StartUrl { get; init; }

    /// <summary>The driver ("browser", "desktop").</summary>
    public required string Driver { get; init; }

    /// <summary>The planner that made the steps.</summary>
    public required string Planner { get; init; }

    /// <summary>The policy in force (domains and approvals apply again on replay).</summary>
    public RecordedPolicy Policy { get; init; } = new();

    /// <summary>Input values (never secrets).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Secret names (never values).</summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    /// <summary>Secrets' environment variables, so replay can read them again.</summary>
    public IReadOnlyDictionary<string, string> SecretSources { get; init; } = new Dictionary<string, string>();

    /// <summary>The end-of-run expectations.</summary>
    public IReadOnlyList<RecordedExpectation> Expect { get; init; } = [];

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }
}

/// <summary>The policy as recorded.</summary>
public sealed record RecordedPolicy
{
    /// <summary>Allowed hosts.</summary>
    public IReadOnlyList<string> AllowDomains { get; init; } = [];

    /// <summary>Tags/actions needing approval.</summary>
    public IReadOnlyList<string> Approve { get; init; } = [];

    /// <summary>Step timeout in milliseconds.</summary>
    public long StepTimeoutMs { get; init; }
}

/// <summary>An end-of-run expectation as recorded.</summary>
/// <param name="Kind">text, url or screen.</param>
/// <param name="Value">What was expected.</param>
public sealed record RecordedExpectation(string Kind, string Value);

/// <summary>A planner event: a plan or a replan, and why.</summary>
public sealed record PlanEvent
{
    /// <summary>plan, replan, done or give-up.</summary>
    public required string Kind { get; init; }

    /// <summary>The planner.</summary>
    public required string Planner { get; init; }

    /// <summary>The index of the next step when it happened.</summary>
    public int AtStep { get; init; }

    /// <summary>The planner's reason (or the failure that caused a replan).</summary>
    public string? Reason { get; init; }

    /// <summary>The steps planned, as one-line summaries.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Model usage for this decision.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>How a run ended.</summary>
public sealed record RunSummary
{
    /// <summary>How the run ended (<c>succeeded</c>, <c>failed</c> or <c>cancelled</c>).</summary>
    public required RunOutcome Status { get; init; }

    /// <summary>Why it ended so, for a person.</summary>
    public string? Reason { get; init; }

    /// <summary>The final state of the engine.</summary>
    public string? FinalState { get; init; }

    /// <summary>Steps taken.</summary>
    public int StepCount { get; init; }

    /// <summary>Replans made.</summary>
    public int Replans { get; init; }

    /// <summary>Model usage over the run.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>End-of-run expectation results.</summary>
    public IReadOnlyList<CheckResult> Expectations { get; init; } = [];

    /// <summary>Variables extracted during the run (secrets masked).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The goal's sub-goals and whether each one's effect was observed (empty when the run had no interpreter).</summary>
    public IReadOnlyList<RecordedSubGoal> SubGoals { get; init; } = [];

    /// <summary>When it finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Where the run's time went, phase by phase, over all steps and the final checks (absent in older recordings).</summary>
    public StepTimings? Timings { get; init; }
}
