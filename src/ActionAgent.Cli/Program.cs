using ActionAgent.Cli;
using Spectre.Console;

// The command line's one read of the process environment; everything below takes it from here (see CliEnvironment).
var environment = CliEnvironment.FromProcess();
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Logs and CI output: one line per step, not wrapped at a guessed 80 columns.
    console.Profile.Width = environment.Columns is > 40 and var columns ? columns : 240;
}
return await AgentCommandLine.InvokeAsync(args, console, Console.Out, environment);
