using System.CommandLine;
using ActionAgent.Scheduling;

namespace ActionAgent.Cli.Scheduling;

/// <summary>The <c>--data</c> and <c>--store</c> options every scheduling command takes, and its error handling.</summary>
/// <param name="environment">The scheduler's variables the command line read at start (<c>ACTIONAGENT_DATA</c>, <c>ACTIONAGENT_STORE</c>).</param>
internal sealed class StoreOptions(CliEnvironment environment)
{
    public Option<string?> Data { get; } = new("--data") { Description = "The data folder (default: ACTIONAGENT_DATA, else ~/.local/share/actionagent); created on first use.", Recursive = true };

    public Option<string?> Store { get; } = new("--store") { Description = "The schedule store: sqlite (default, DATA/schedule.db), sqlite:FILE, or a PostgreSQL connection string / postgres:// URL (default: ACTIONAGENT_STORE).", Recursive = true };

    public ScheduleStore Resolve(ParseResult parse) => ScheduleStore.Resolve(parse.GetValue(Data), parse.GetValue(Store), environment.SchedulingVariable);

    /// <summary>Runs a scheduling command, turning its errors into a message and exit code 2 (bad input) or 3 (environment).</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ScheduleException e)
        {
            CliErrors.Error(e.Message);
            return e.Kind == ScheduleErrorKind.BadInput ? ExitCodes.BadInput : ExitCodes.Environment;
        }
    }
}
