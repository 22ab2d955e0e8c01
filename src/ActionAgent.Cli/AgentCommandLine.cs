using System.CommandLine;
using ActionAgent.Cli.Commands;
using Spectre.Console;

namespace ActionAgent.Cli;

/// <summary>The <c>agent</c> command line: every command, and the exit code for bad usage.</summary>
internal static class AgentCommandLine
{
    public static RootCommand Create(IAnsiConsole console, TextWriter output, CliEnvironment environment) =>
        new("""
            ActionAgent: give it a goal or a scenario, it acts in a real browser, checks each step on the screen,
            and leaves a recording that replays without any model.

            Quick start:
              agent run scenarios/book-flight.yaml     book a flight on the SkyFare demo site
              agent validate scenarios/book-flight.yaml
              agent replay recordings/book-flight --scenario scenarios/book-flight.yaml   replay with no model (CI)
              agent record site:skyfare --out recordings/mine   record what you do in a browser
              agent graph                              the run engine's state machine
              agent mcp                                serve the agent to an AI tool over MCP (stdio)
            """)
        {
            RunCommand.Create(console),
            PlanCommand.Create(console),
            ValidateCommand.Create(console),
            GraphCommand.Create(output),
            SitesCommand.Create(console),
            ModelsCommand.Create(console),
            ReplayCommand.Create(console),
            RecordCommand.Create(console, environment),
            ScheduleCommand.Create(console, environment),
            HistoryCommand.Create(console, environment),
            WorkerCommand.Create(console, environment),
            McpCommand.Create(),
        };

    // environment: what the command line took from the process environment at start (Program).
    public static async Task<int> InvokeAsync(string[] args, IAnsiConsole console, TextWriter output, CliEnvironment environment)
    {
        CliErrors.Colored = !environment.NoColor;
        var root = Create(console, output, environment);
        var parse = root.Parse(args);
        var errors = parse.Errors.Select(e => e.Message.TrimEnd()).Concat(UnknownOptions(parse)).ToList();
        if (errors.Count > 0)
        {
            // Each line says where the usage is, so it stands alone in a CI log or an editor's problem list.
            var help = $"{CommandPath(parse.CommandResult)} --help";
            foreach (var error in errors) CliErrors.Error($"{error} Run '{help}' for usage.");
            return ExitCodes.BadInput;
        }
        // Ctrl+C cancels the run; the engine then completes the recording and the browser closes, which can take a
        // few seconds, so the process waits for that rather than System.CommandLine's default of 2 seconds.
        // The worker's host handles SIGTERM itself, with its own grace period for running jobs.
        var worker = args.Length > 0 && args[0] == "worker";
        try
        {
            // System.CommandLine's own handler would print "Unhandled exception:" and the whole stack trace to anyone.
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                ProcessTerminationTimeout = worker ? null : TimeSpan.FromSeconds(15),
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            return CliErrors.Unhandled(e, stackTrace: environment.Debug || Verbose(parse));
        }
    }

    /// <summary>
    /// Unknown options that System.CommandLine took as an argument's value: <c>agent run --no-such-option</c> fills the
    /// optional scenario argument with "--no-such-option" (and then says the file does not exist). No argument of any
    /// command starts with '-', so such a token is an unknown option, in System.CommandLine's own words; a file really
    /// named so is given after <c>--</c>. A lone "-" is left alone.
    /// </summary>
    internal static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == System.CommandLine.Parsing.TokenType.DoubleDash);
        var beforeDoubleDash = doubleDash < 0 ? parse.Tokens : parse.Tokens.Take(doubleDash);
        var suspects = beforeDoubleDash.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-').ToHashSet();
        if (suspects.Count == 0) yield break;
        for (var command = parse.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var argument in command.Children.OfType<System.CommandLine.Parsing.ArgumentResult>())
            {
                foreach (var token in argument.Tokens.Where(suspects.Contains))
                {
                    yield return $"Unrecognized command or argument '{token.Value}'.";
                }
            }
        }
    }

    /// <summary>"agent", "agent run", "agent schedule add": the command a parse error is in, for its --help.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var command = result; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(command.Command is RootCommand ? "agent" : command.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>Whether the command has a <c>--verbose</c> option and it was given.</summary>
    private static bool Verbose(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--verbose") is Option<bool> verbose && parse.GetValue(verbose);
}
