using ActionAgent.Core.Scenarios;
using ActionAgent.Sites;
using Spectre.Console;

namespace ActionAgent.Cli.Running;

/// <summary>Loads a scenario file for a command and prints its errors as <c>file:line:col: field: message</c>.</summary>
internal static class ScenarioInput
{
    public static ScenarioLoadResult Load(string path, SecretCheck secrets)
    {
        if (File.Exists(path)) EnvFile.LoadBeside(path);
        var sitesRoot = SiteCatalog.FindSitesRoot(Path.GetDirectoryName(Path.GetFullPath(path)));
        var options = new ScenarioLoadOptions
        {
            SiteExists = sitesRoot is null ? _ => false : name => Directory.Exists(Path.Combine(sitesRoot, name)),
            CheckSecrets = secrets,
        };
        return ScenarioLoader.Load(path, options);
    }

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
}
