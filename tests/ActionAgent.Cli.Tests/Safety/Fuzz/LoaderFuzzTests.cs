using System.Text.Json.Nodes;
using ActionAgent.Browser;
using ActionAgent.Cli.Running;
using ActionAgent.Composition;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Reports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Planning.Offline;
using CsCheck;
using Xunit.Abstractions;

namespace ActionAgent.Cli.Tests.Safety.Fuzz;

/// <summary>
/// A fuzz test per loader, over structured edits of the repository's real files (scenarios, the committed
/// recording, the built-in skills, scenarios/.env, playwright.config.json): no unhandled exception, no hang, bounded
/// memory. Each writes how many inputs it tried to the test output.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Root => AgentProcess.RepositoryRoot;

    private static string[] Read(params string[] patterns) =>
        [.. patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, Path.GetDirectoryName(p)!), Path.GetFileName(p))).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static Func<(int Fixture, TextMutation[] Edits), string> Printer(string[] fixtures) =>
        input => $"fixture {input.Fixture}, edits {string.Join(", ", input.Edits.Select(e => e.ToString()))}";

    // A lone surrogate cannot be written as UTF-8; the replacement character goes to the file, as an editor would save it.
    private static void WriteLossy(string path, string text) => File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Fuzz_scenario_yaml_loader_never_crashes_or_hangs()
    {
        var fixtures = Read("scenarios/*.yaml", "scenarios/examples/*.yaml");
        var options = new ScenarioLoadOptions { CheckSecrets = SecretCheck.Warning, GetEnvironmentVariable = _ => null, SiteExists = _ => true };
        FuzzRunner.Run(output, "scenario YAML", TextMutation.Edits(fixtures.Length), input =>
        {
            var result = ScenarioLoader.Parse(TextMutation.ApplyAll(fixtures[input.Fixture], input.Edits), "fuzz.yaml", options);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            return result.Success;
        }, Printer(fixtures));
    }

    [Fact]
    public void Fuzz_recording_json_loader_never_crashes_or_hangs()
    {
        var fixture = File.ReadAllText(Path.Combine(Root, "recordings", "book-flight", "recording.json"));
        var folder = Path.Combine(_dir, "rec");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "recording.json");
        var inputs = Gen.Select(JsonMutation.Gen.Array[0, 5], TextMutation.Gen.Array[0, 2], (structural, text) => (structural, text));
        FuzzRunner.Run(output, "recording JSON", inputs, input =>
        {
            var node = JsonNode.Parse(fixture)!;
            foreach (var edit in input.structural) node = edit.Apply(node);
            WriteLossy(path, TextMutation.ApplyAll(node.ToJsonString(), input.text));
            var (document, _, error) = RecordingFile.LoadAsync(folder, CancellationToken.None).GetAwaiter().GetResult();
            if (document is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
                return false;
            }
            // What replay does next with a recording that loaded: its preflight and its report must not crash either.
            ReplayEngine.Preflight(document, new ReplayOptions());
            HtmlReportWriter.Render(ReportModel.FromRecording(document, folder), folder, ReportImages.Embed);
            return true;
        }, input => string.Join(", ", input.structural.Select(s => s.ToString())) + " | " + string.Join(", ", input.text.Select(t => t.ToString())));
    }

    [Fact]
    public void Fuzz_skills_yaml_loader_never_crashes_or_hangs()
    {
        var fixtures = Read("src/ActionAgent.Planning/Offline/Skills/*.yaml");
        FuzzRunner.Run(output, "skills YAML", TextMutation.Edits(fixtures.Length), input =>
        {
            try
            {
                SkillCatalog.Parse(TextMutation.ApplyAll(fixtures[input.Fixture], input.Edits), "fuzz.yaml");
                return true;
            }
            catch (FormatException e)
            {
                Assert.StartsWith("fuzz.yaml", e.Message, StringComparison.Ordinal);
                return false;
            }
        }, Printer(fixtures));
    }

    [Fact]
    public void Fuzz_env_file_loader_never_crashes_and_never_touches_the_process_environment()
    {
        var fixtures = Read("scenarios/.env");
        var before = Environment.GetEnvironmentVariables().Count;
        FuzzRunner.Run(output, ".env", TextMutation.Edits(fixtures.Length), input =>
        {
            var text = TextMutation.ApplyAll(fixtures[input.Fixture], input.Edits);
            var file = EnvFile.Parse(text);
            var environment = new SecretEnvironment([file], _ => null);
            // Whatever the file says, only a declared name is looked up, and the process environment is unchanged.
            _ = environment.Get("SKYFARE_CARD");
            Assert.Null(Environment.GetEnvironmentVariable("NODE_OPTIONS"));
            return file.TryGet("SKYFARE_CARD", out _);
        }, Printer(fixtures));
        Assert.Equal(before, Environment.GetEnvironmentVariables().Count);
    }

    [Fact]
    public void Fuzz_playwright_config_loader_never_crashes_or_hangs()
    {
        var fixtures = Read("playwright.config.json");
        var path = Path.Combine(_dir, PlaywrightConfig.FileName);
        FuzzRunner.Run(output, "playwright.config.json", TextMutation.Edits(fixtures.Length), input =>
        {
            WriteLossy(path, TextMutation.ApplyAll(fixtures[input.Fixture], input.Edits));
            try
            {
                PlaywrightConfig.Load(path);
                return true;
            }
            catch (InvalidDataException e)
            {
                Assert.Contains(PlaywrightConfig.FileName, e.Message, StringComparison.Ordinal);
                return false;
            }
        }, Printer(fixtures));
    }
}
