using System.Text.RegularExpressions;

namespace ActionAgent.Tests;

/// <summary>
/// Issue 10: no class reads (or writes) the process environment except the one that binds configuration, so no class
/// reads a variable another class set, and nothing uses the environment as a configuration bus.
/// </summary>
public sealed partial class EnvironmentReadersTests
{
    /// <summary>The files allowed to touch the process environment, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/ActionAgent/AgentConfiguration.cs"] =
            "the library's binder: browser locator, desktop session, model and skills variables and the secrets' lookup are read here, once, into AgentOptions",
        ["src/ActionAgent.Cli/CliEnvironment.cs"] =
            "the agent command line's one read at start (Program): NO_COLOR, COLUMNS, the display check of agent record, the scheduler's store, data folder and browser pool",
    };

    // Any spelling that reaches System.Environment's variable API: Environment.X, System.Environment.X, a method group.
    [GeneratedRegex(@"\bEnvironment\s*\.\s*(GetEnvironmentVariables?|SetEnvironmentVariable|ExpandEnvironmentVariables)\b")]
    private static partial Regex EnvironmentAccess();

    // `using static System.Environment;` would let a bare GetEnvironmentVariable(...) through.
    [GeneratedRegex(@"using\s+static\s+System\s*\.\s*Environment\s*;")]
    private static partial Regex UsingStaticEnvironment();

    [Fact]
    public void Only_the_binders_read_or_write_the_process_environment()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.File("src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            if (Allowed.ContainsKey(relative)) continue;
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue; // comments and XML docs may name the API
                if (EnvironmentAccess().IsMatch(line) || UsingStaticEnvironment().IsMatch(line)) offenders.Add($"{relative}:{number}: {line.Trim()}");
            }
        }

        Assert.True(offenders.Count == 0,
            "These read or write the process environment; take the value from an options object the binder fills instead "
            + "(AgentConfiguration for library settings, CliEnvironment for the command line's own):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_allowed_file_exists_and_still_reads_the_environment()
    {
        foreach (var (relative, reason) in Allowed)
        {
            var path = Repository.File(relative.Split('/'));
            Assert.True(File.Exists(path), $"{relative} ({reason}) is listed as allowed but does not exist.");
            Assert.Matches(EnvironmentAccess(), File.ReadAllText(path));
        }
    }
}
