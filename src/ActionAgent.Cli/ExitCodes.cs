namespace ActionAgent.Cli;

/// <summary>
/// The exit codes of every command: 0 success, 1 the run or replay failed, 2 bad input, 3 broken environment, 70 an
/// internal error (an exception no command expected: a bug), 130 cancelled.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
    public const int Environment = 3;
    public const int InternalError = 70; // EX_SOFTWARE (sysexits.h): CI can tell a crash of the agent from a failed run
    public const int Cancelled = 130;
}
