namespace ActionAgent.Cli;

/// <summary>The exit codes of every command: 0 success, 1 the run or replay failed, 2 bad input, 3 broken environment.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
    public const int Environment = 3;
    public const int Cancelled = 130;
}
