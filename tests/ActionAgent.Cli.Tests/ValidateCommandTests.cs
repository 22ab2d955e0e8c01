namespace ActionAgent.Cli.Tests;

/// <summary>Bad scenario input: exit code 2, a message naming file, line, column and field, and no stack trace.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "scenario.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static async Task<AgentResult> ValidateAsync(string path, params string[] extra) =>
        await AgentProcess.RunAsync(["validate", path, .. extra]);

    private static void AssertBadInput(AgentResult result, string location, string field)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"scenario.yaml:{location}: {field}:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_yaml_names_the_line_and_column()
    {
        var result = await ValidateAsync(Write("name: x\napp: { browser: { start: http://a } \ngoal: y\n"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"error: .*scenario\.yaml:2:\d+: app\.browser: malformed YAML", result.Stderr);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_named_with_a_suggestion()
    {
        var result = await ValidateAsync(Write("name: x\ngoal: y\napp: { browser: { start: \"http://a\" } }\npolcy: { max_steps: 3 }\n"));
        AssertBadInput(result, "4:1", "polcy");
        Assert.Contains("policy", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_type_names_the_field()
    {
        var result = await ValidateAsync(Write("name: x\ngoal: y\napp: { browser: { start: \"http://a\" } }\npolicy:\n  max_steps: many\n"));
        AssertBadInput(result, "5:14", "policy.max_steps");
    }

    [Fact]
    public async Task A_missing_required_field_is_named()
    {
        var result = await ValidateAsync(Write("goal: y\napp: { browser: { start: \"http://a\" } }\n"));
        AssertBadInput(result, "1:1", "name");
        Assert.Contains("missing required key 'name'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_site_lists_the_known_ones()
    {
        // Written inside the repository's scenarios folder so the sites root is found.
        var path = Path.Combine(AgentProcess.RepositoryRoot, "scenarios", $"tmp-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: x\ngoal: y\napp: { browser: { start: \"site:nowhere\" } }\n");
        try
        {
            var result = await ValidateAsync(path);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Matches(@"tmp-\w+\.yaml:3:26: app\.browser\.start: unknown site 'nowhere'", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_secret_fails_a_run_before_the_browser_starts()
    {
        var path = Write("name: x\ngoal: y\napp: { browser: { start: \"http://127.0.0.1:9/\" } }\nsecrets: { card: { env: AGENT_TEST_UNSET_SECRET } }\n");
        var result = await AgentProcess.RunAsync(["run", path]);
        AssertBadInput(result, "4:25", "secrets.card.env");
        Assert.Contains("AGENT_TEST_UNSET_SECRET", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_scenario_passes()
    {
        var result = await ValidateAsync(Path.Combine(AgentProcess.RepositoryRoot, "scenarios", "book-flight.yaml"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
