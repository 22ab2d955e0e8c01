using System.CommandLine;
using ActionAgent.Core.Engine;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent graph</c>: prints the run engine's state machine.</summary>
internal static class GraphCommand
{
    public static Command Create(TextWriter output)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "mermaid (for Markdown) or dot (for Graphviz: agent graph -f dot | dot -Tsvg > run.svg).",
            DefaultValueFactory = _ => "mermaid",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("graph", "Print the run engine's state machine (states, triggers, guards) as Mermaid or DOT.") { format };
        command.SetAction(parse =>
        {
            output.WriteLine(parse.GetValue(format) == "dot" ? RunStateMachine.ToDot() : RunStateMachine.ToMermaid());
            return ExitCodes.Success;
        });
        return command;
    }
}
