namespace ActionAgent.Scheduling;

/// <summary>Whose fault a scheduling error is, which decides the exit code (2 or 3).</summary>
public enum ScheduleErrorKind
{
    /// <summary>The user's input is wrong: a cron expression, a time zone, a file, a job name.</summary>
    BadInput,

    /// <summary>The environment is missing something: the database is unreachable, a secret is not set.</summary>
    Environment,
}
