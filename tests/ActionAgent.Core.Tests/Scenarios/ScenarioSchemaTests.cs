using System.Text.Json;
using System.Text.Json.Nodes;
using ActionAgent.Core.Scenarios;
using Json.Schema;

namespace ActionAgent.Core.Tests.Scenarios;

/// <summary>The JSON Schema is valid, accepts every scenario in the repo, and allows exactly the keys the loader accepts.</summary>
public sealed class ScenarioSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(RepoPaths.SchemaFile);
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(SchemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static TheoryData<string> ScenarioFiles =>
        [.. RepoPaths.ScenarioFiles.Select(f => Path.GetRelativePath(RepoPaths.Root, f))];

    [Fact]
    public void Schema_is_valid_draft_2020_12()
    {
        using var document = JsonDocument.Parse(SchemaText);

        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Repo_has_example_scenarios_for_the_schema_to_check()
    {
        Assert.True(RepoPaths.ScenarioFiles.Count() >= 3);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Schema_accepts_scenario_file(string relativePath)
    {
        var json = YamlToJson.Convert(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));
        using var document = JsonDocument.Parse(json!.ToJsonString());

        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Loader_accepts_scenario_file(string relativePath)
    {
        var options = new ScenarioLoadOptions
        {
            CheckSecrets = SecretCheck.None,
            SiteExists = name => Directory.Exists(Path.Combine(RepoPaths.Root, "scenarios", "sites", name)) || relativePath.Contains("examples", StringComparison.Ordinal),
        };

        var result = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, relativePath), options);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Schema_rejects_an_unknown_key()
    {
        using var document = JsonDocument.Parse("""{ "name": "t", "goal": "g", "app": { "desktop": { "command": "c" } }, "polcy": {} }""");

        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    public static TheoryData<string> Definitions => [.. ScenarioKeys.ByDefinition.Keys];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Schema_allows_exactly_the_keys_the_loader_accepts(string definition)
    {
        var root = JsonNode.Parse(SchemaText)!;
        var node = definition == "scenario" ? root : root["$defs"]![definition]!;

        var schemaKeys = node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(ScenarioKeys.ByDefinition[definition].Order(StringComparer.Ordinal), schemaKeys);
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Every_schema_property_has_a_description()
    {
        var root = JsonNode.Parse(SchemaText)!;
        var missing = new List<string>();
        Walk(root, "#", missing);

        Assert.Empty(missing);
    }

    private static void Walk(JsonNode node, string path, List<string> missing)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties)
            {
                foreach (var (name, property) in properties)
                {
                    if (property?["description"] is null) missing.Add($"{path}/properties/{name}");
                }
            }

            foreach (var (name, child) in obj)
            {
                if (child is not null) Walk(child, $"{path}/{name}", missing);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child) Walk(child, $"{path}/{i}", missing);
            }
        }
    }

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
