using ActionAgent.Composition;
using ActionAgent.Core.Scenarios;

namespace ActionAgent.Cli.Running;

/// <summary>Loads a scenario file for a command and prints its errors as <c>file:line:col: field: message</c>.</summary>
internal static class ScenarioInput
{
    /// <summary>Loads a scenario file through the composition root (its secrets looked up as a run would).</summary>
    public static ScenarioLoadResult Load(string path, SecretCheck secrets, AgentComposition? composition = null) =>
        (composition ?? CliAgentOptions.Default()).LoadScenario(path, secrets);

    public static void PrintErrors(ScenarioLoadResult result)
    {
        foreach (var error in result.Errors)
        {
            CliErrors.Error(error.ToString());
        }
        foreach (var warning in result.Warnings)
        {
            CliErrors.Warning(warning.ToString());
        }
    }

    /// <summary>
    /// The scenario a command works on: a file (its errors printed), or a goal made into a scenario. <c>--start</c>
    /// points a file's scenario at another deployment of the same app (staging, a local copy). Null means bad input.
    /// </summary>
    public static Scenario? Resolve(string command, string? file, string? goal, string? start, SecretCheck secrets, bool goalNeedsStart,
        AgentComposition? composition = null)
    {
        if (file is not null && goal is not null)
        {
            CliErrors.Error("give a scenario file or --goal, not both.");
            return null;
        }
        if (file is not null)
        {
            var loaded = Load(file, secrets, composition);
            PrintErrors(loaded);
            if (!loaded.Success) return null;
            return start is null ? loaded.Scenario : loaded.Scenario! with { App = new AppSpec { Browser = new BrowserAppSpec(start) } };
        }
        if (goal is null)
        {
            CliErrors.Error($"give a scenario file (agent {command} scenarios/book-flight.yaml) or a goal (agent {command} --goal \"…\" --start URL).");
            return null;
        }
        if (goalNeedsStart && start is null)
        {
            CliErrors.Error("--goal needs --start URL (where to begin) or --connect CDP-URL (act in a running browser).");
            return null;
        }
        return new Scenario { Name = "goal", Goal = goal, App = new AppSpec { Browser = new BrowserAppSpec(start ?? "about:blank") } };
    }
}
