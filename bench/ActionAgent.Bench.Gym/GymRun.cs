namespace ActionAgent.Bench.Gym;

/// <summary>How one run ended, judged by the agent's exit code and the page's own score.</summary>
internal enum GymOutcome
{
    /// <summary>Exit 0 and the page scored the task done.</summary>
    Success,

    /// <summary>Exit 0 but the page did NOT score the task done: the worst outcome.</summary>
    FalseSuccess,

    /// <summary>Non-zero exit (or timeout) and not done.</summary>
    HonestFailure,

    /// <summary>Non-zero exit, yet the page scored the task done.</summary>
    Lucky,
}

/// <summary>One agent run on one task and seed.</summary>
internal sealed record GymRun(
    string Task,
    string Pattern,
    int Seed,
    string Goal,
    int? ExitCode,
    bool TimedOut,
    bool Done,
    string ScoreDetail,
    double Seconds,
    GymOutcome Outcome,
    string? AgentReason,
    string Recording)
{
    public static GymOutcome Classify(int? exitCode, bool done) => (exitCode == 0, done) switch
    {
        (true, true) => GymOutcome.Success,
        (true, false) => GymOutcome.FalseSuccess,
        (false, false) => GymOutcome.HonestFailure,
        (false, true) => GymOutcome.Lucky,
    };
}
