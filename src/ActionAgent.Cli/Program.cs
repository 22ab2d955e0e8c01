using ActionAgent.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Logs and CI output: one line per step, not wrapped at a guessed 80 columns.
    console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 40 ? columns : 240;
}
return await AgentCommandLine.InvokeAsync(args, console, Console.Out);
