using System.CommandLine;
using ActionAgent.Cli.Running;
using ActionAgent.Core.Scenarios;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent validate</c>: checks scenario files without running them.</summary>
internal static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<string[]>("scenarios") { Description = "One or more scenario files.", Arity = ArgumentArity.OneOrMore };
        var strictSecrets = new Option<bool>("--require-secrets") { Description = "Treat a secret whose environment variable is not set as an error (a run does)." };
        var command = new Command("validate", """
            Check scenario files: YAML syntax, known keys, types, required fields, sites, placeholders and secrets.
            Each problem is printed as FILE:LINE:COLUMN: FIELD: MESSAGE.

            Examples:
              agent validate scenarios/book-flight.yaml
              agent validate scenarios/*.yaml --require-secrets

            Exit codes: 0 all valid, 2 a file has errors.
            """)
        {
            files, strictSecrets,
        };
        command.SetAction(parse =>
        {
            var failed = 0;
            foreach (var path in parse.GetValue(files)!)
            {
                var result = ScenarioInput.Load(path, parse.GetValue(strictSecrets) ? SecretCheck.Error : SecretCheck.Warning);
                ScenarioInput.PrintErrors(result);
                if (result.Success)
                {
                    var s = result.Scenario!;
                    console.MarkupLine($"[green]ok[/] {Markup.Escape(path)}: {Markup.Escape(s.Name)}, {s.Steps.Count} steps, {s.Expect.Count} expectations");
                }
                else
                {
                    failed++;
                }
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
