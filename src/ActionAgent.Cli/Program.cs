using System.CommandLine;
using ActionAgent.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
return await AgentCommandLine.InvokeAsync(args, console, Console.Out);
