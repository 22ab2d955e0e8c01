using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Scenarios;

/// <summary>
/// The keys the loader accepts at each level of a scenario file, named after the JSON Schema's definitions
/// (<c>schemas/scenario.v1.schema.json</c>). The loader reports any other key as unknown, and a test checks that the
/// schema allows exactly these keys, so the two cannot drift.
/// </summary>
internal static class ScenarioKeys
{
    public static readonly string[] Scenario =
        ["version", "name", "description", "goal", "app", "inputs", "secrets", "policy", "expect", "steps"];

    public static readonly string[] App = ["browser", "desktop"];
    public static readonly string[] BrowserApp = ["start"];
    public static readonly string[] DesktopApp = ["launch", "command", "attach", "window", "wait"];
    public static readonly string[] Secret = ["env", "domains"];

    public static readonly string[] Policy =
        ["allow_domains", "allow_apps", "approve", "max_steps", "timeout", "step_timeout", "retries", "max_replans", "max_tokens", "max_cost"];

    public static readonly string[] Expectation = ["text", "screen", "url"];

    /// <summary>The action names a step may use (one per step). A drag needs a drop target, which a step cannot name yet.</summary>
    public static IReadOnlyList<string> Step { get; } = [.. ActionKindNames.All.Where(a => a != "drag")];

    /// <summary>The fields of <see cref="ElementTarget"/> a step may set.</summary>
    public static readonly string[] TargetFields =
        ["ref", "testid", "role", "name", "label", "placeholder", "text", "css", "xpath", "exact", "description"];

    /// <summary>The fields every action accepts.</summary>
    public static readonly string[] CommonFields = ["timeout", "tags", "expect", "note"];

    /// <summary>The mapping form of a step's action: every field any action accepts.</summary>
    public static readonly string[] StepArgs =
        [.. TargetFields, "value", "key", "url", "as", .. CommonFields];

    /// <summary>By schema definition name, for the drift test.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByDefinition { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["scenario"] = Scenario,
            ["app"] = App,
            ["browserApp"] = BrowserApp,
            ["desktopApp"] = DesktopApp,
            ["secret"] = Secret,
            ["policy"] = Policy,
            ["expectation"] = Expectation,
            ["step"] = Step,
            ["stepArgs"] = StepArgs,
        };

    /// <summary>Whether a step field applies to an action (the schema has one shape for all actions; this is finer).</summary>
    public static bool Applies(string field, ActionKind action) => field switch
    {
        "url" => action == ActionKind.Goto,
        "key" => action == ActionKind.Press,
        "as" => action == ActionKind.Extract,
        "value" => action is ActionKind.Fill or ActionKind.Type or ActionKind.Select or ActionKind.Scroll,
        _ when TargetFields.Contains(field) => action != ActionKind.Goto,
        _ => true,
    };

    /// <summary>The actions a field applies to, for the error message.</summary>
    public static string WhereApplies(string field) => field switch
    {
        "url" => "goto",
        "key" => "press",
        "as" => "extract",
        "value" => "fill, type, select and scroll",
        _ => "every action but goto",
    };
}
