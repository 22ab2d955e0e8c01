using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Core.Scenarios;

/// <summary>
/// Reads one scenario document through YamlDotNet's representation model, so every node keeps its position, and
/// collects every error rather than stopping at the first. Split by area: scalars, steps, placeholders, syntax errors.
/// </summary>
internal sealed partial class ScenarioReader(string file, ScenarioLoadOptions options)
{
    private readonly List<ScenarioError> errors = [];
    private readonly List<ScenarioError> warnings = [];
    private readonly Dictionary<string, string> inputs = new(StringComparer.Ordinal);
    private readonly HashSet<string> inputGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecretSource> secrets = new(StringComparer.Ordinal);
    private readonly HashSet<string> declaredSecrets = new(StringComparer.Ordinal);

    public ScenarioLoadResult Read(string yaml)
    {
        if (YamlLimits.Check(yaml) is { } limit)
        {
            Error(limit.Line, limit.Column, "(root)", limit.Message);
            return Result(null);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(SyntaxError(yaml, e));
            return Result(null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner and node loader throw these (instead of a YamlException) on some malformed input:
            // unclosed flow mappings, an event the representation model does not expect (found by fuzzing).
            errors.Add(ParserCrashError(yaml));
            return Result(null);
        }

        if (stream.Documents.Count == 0)
        {
            Error(1, 1, "(root)", "the file is empty; a scenario needs at least name, app, and a goal or steps");
            return Result(null);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            Error(second, "(root)", "a scenario file holds one document; remove the second '---'");
        }

        return Result(ReadScenario(stream.Documents[0].RootNode));
    }

    private ScenarioLoadResult Result(Scenario? scenario) => new()
    {
        Scenario = errors.Count == 0 ? scenario : null,
        Errors = [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)],
        Warnings = warnings,
    };

    private Scenario? ReadScenario(YamlNode root)
    {
        if (root is not YamlMappingNode map)
        {
            Error(root, "(root)", $"a scenario is a mapping of keys (name, goal, app, …), not {Describe(root)}");
            return null;
        }

        string? name = null, goal = null;
        YamlScalarNode? goalNode = null;
        AppSpec? app = null;
        var policy = new RunPolicy();
        YamlNode? expectNode = null, stepsNode = null;
        var hasApp = false;

        // Inputs and secrets first: placeholders anywhere may name them, wherever they are declared.
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key == "inputs") ReadInputs(value, "inputs", "");
            else if (key == "secrets") ReadSecrets(value);
        }

        foreach (var (key, value) in Entries(map, "", ScenarioKeys.Scenario))
        {
            switch (key)
            {
                case "version":
                    if (ReadInt(value, key, 1) is { } version && version != 1)
                        Error(value, key, $"this loader reads format version 1, not {version}");
                    break;
                case "name":
                    name = ReadString(value, key);
                    if (name is not null && !NamePattern().IsMatch(name))
                        Error(value, key, "a name becomes a folder name: use letters, digits, '-', '_' and '.' only");
                    break;
                case "description":
                    ReadString(value, key);
                    break;
                case "goal":
                    goal = ReadString(value, key);
                    goalNode = value as YamlScalarNode;
                    break;
                case "app":
                    hasApp = true;
                    app = ReadApp(value);
                    break;
                case "policy":
                    policy = ReadPolicy(value) ?? policy;
                    break;
                case "expect":
                    expectNode = value;
                    break;
                case "steps":
                    stepsNode = value;
                    break;
                case "inputs" or "secrets":
                    break;
                default:
                    throw new InvalidOperationException($"The key '{key}' is in ScenarioKeys but has no reader.");
            }
        }

        if (goalNode is not null && goal is not null) CheckPlaceholders(goalNode, goal, "goal", PlaceholderUse.ModelVisible);
        var expect = expectNode is null ? [] : ReadExpectations(expectNode);
        var steps = stepsNode is null ? [] : ReadSteps(stepsNode);

        if (name is null && !HasKey(map, "name")) Error(map, "name", "missing required key 'name'");
        if (!hasApp) Error(map, "app", "missing required key 'app' (app: { browser: { start: URL } } or app: { desktop: { launch: … } })");
        if (!HasKey(map, "goal") && (stepsNode is not YamlSequenceNode seq || seq.Children.Count == 0))
            Error(map, "goal", "a scenario needs a goal, steps, or both");

        if (name is null || app is null) return null;
        return new Scenario
        {
            Name = name,
            Goal = goal,
            App = app,
            Inputs = inputs,
            Secrets = secrets,
            Policy = policy,
            Expect = expect,
            Steps = steps,
        };
    }

    private AppSpec? ReadApp(YamlNode node)
    {
        if (!ExpectMapping(node, "app", out var map)) return null;
        BrowserAppSpec? browser = null;
        DesktopAppSpec? desktop = null;
        foreach (var (key, value) in Entries(map, "app", ScenarioKeys.App))
        {
            if (key == "browser") browser = ReadBrowser(value);
            else desktop = ReadDesktop(value);
        }

        if (HasKey(map, "browser") && HasKey(map, "desktop"))
        {
            Error(map, "app", "an app is either a browser or a desktop app, not both");
            return null;
        }

        if (!HasKey(map, "browser") && !HasKey(map, "desktop"))
        {
            Error(map, "app", "app needs 'browser' or 'desktop'");
            return null;
        }

        return browser is not null ? new AppSpec { Browser = browser } : desktop is not null ? new AppSpec { Desktop = desktop } : null;
    }

    private BrowserAppSpec? ReadBrowser(YamlNode node)
    {
        if (!ExpectMapping(node, "app.browser", out var map)) return null;
        string? start = null;
        foreach (var (_, value) in Entries(map, "app.browser", ScenarioKeys.BrowserApp))
        {
            start = ReadString(value, "app.browser.start");
            if (start is null) continue;
            var spec = new BrowserAppSpec(start);
            if (spec.SiteName is { } site)
            {
                if (site.Length == 0) Error(value, "app.browser.start", "site: needs the name of a folder under scenarios/sites, as in site:NAME");
                else if (options.SiteExists is { } exists && !exists(site))
                    Error(value, "app.browser.start", $"unknown site '{site}': there is no folder scenarios/sites/{site}");
            }
            else if (!Uri.TryCreate(start, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
            {
                Error(value, "app.browser.start", $"'{start}' is neither an absolute http(s) or file URL nor site:NAME");
            }
        }

        if (!HasKey(map, "start")) Error(map, "app.browser.start", "missing required key 'start' (a URL, or site:NAME)");
        return start is null ? null : new BrowserAppSpec(start);
    }

    private DesktopAppSpec? ReadDesktop(YamlNode node)
    {
        if (!ExpectMapping(node, "app.desktop", out var map)) return null;
        var spec = new DesktopAppSpec();
        foreach (var (key, value) in Entries(map, "app.desktop", ScenarioKeys.DesktopApp))
        {
            var field = $"app.desktop.{key}";
            if (key == "wait")
            {
                if (ReadDuration(value, field, DurationSyntax.MaxStepTimeout) is { } wait) spec = spec with { Wait = wait };
                continue;
            }
            var text = ReadString(value, field);
            if (text is { Length: 0 } || (text is not null && string.IsNullOrWhiteSpace(text)))
            {
                Error(value, field, $"'{key}' cannot be empty");
                continue;
            }
            spec = key switch
            {
                "launch" or "command" => spec with { Launch = text },
                "attach" => spec with { Attach = text },
                _ => spec with { Window = text },
            };
        }

        var starts = new[] { "launch", "command", "attach" }.Count(k => HasKey(map, k));
        if (starts == 0)
        {
            Error(map, "app.desktop.launch", "missing 'launch' (the command that starts the app) or 'attach' (the name of a running app)");
            return null;
        }
        if (starts > 1)
        {
            Error(map, "app.desktop", "give one of 'launch' (or its older name 'command') and 'attach', not several");
            return null;
        }
        return spec.Launch is null && spec.Attach is null ? null : spec;
    }

    // Nested maps become dotted keys; list items become .0, .1, …; only scalars are values.
    private void ReadInputs(YamlNode node, string field, string prefix)
    {
        switch (node)
        {
            case YamlMappingNode map:
                if (prefix.Length > 0) inputGroups.Add(prefix);
                foreach (var (keyNode, value) in map.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key } || !InputNamePattern().IsMatch(key))
                    {
                        Error(keyNode, field, "an input name uses letters, digits, '_' and '-' only (nesting makes the dots)");
                        continue;
                    }

                    ReadInputs(value, $"{field}.{key}", prefix.Length == 0 ? key : $"{prefix}.{key}");
                }

                break;
            case YamlSequenceNode seq when prefix.Length > 0:
                inputGroups.Add(prefix);
                for (var i = 0; i < seq.Children.Count; i++)
                    ReadInputs(seq.Children[i], $"{field}[{i}]", $"{prefix}.{i}");
                break;
            case YamlScalarNode scalar when prefix.Length > 0:
                if (IsNull(scalar)) Error(scalar, field, "an input needs a value (write \"\" for an empty one)");
                else inputs[prefix] = scalar.Value ?? "";
                break;
            default:
                Error(node, field, $"expected a mapping of input names to values, not {Describe(node)}");
                break;
        }
    }

    private void ReadSecrets(YamlNode node)
    {
        if (!ExpectMapping(node, "secrets", out var map)) return;
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name } || !SecretNamePattern().IsMatch(name))
            {
                Error(keyNode, "secrets", "a secret name uses letters, digits and '_' only");
                continue;
            }

            declaredSecrets.Add(name);
            var field = $"secrets.{name}";
            if (!ExpectMapping(value, field, out var secret)) continue;
            string? variable = null;
            IReadOnlyList<string> domains = [];
            foreach (var (secretKey, envNode) in Entries(secret, field, ScenarioKeys.Secret))
            {
                if (secretKey == "domains")
                {
                    domains = ReadStringList(envNode, $"{field}.domains") ?? [];
                    continue;
                }
                variable = ReadString(envNode, $"{field}.env");
                if (variable is null) continue;
                if (!EnvNamePattern().IsMatch(variable))
                {
                    Error(envNode, $"{field}.env", $"'{variable}' is not an environment variable name");
                    variable = null;
                }
                else if (options.CheckSecrets != SecretCheck.None && string.IsNullOrEmpty(options.GetEnvironmentVariable(variable)))
                {
                    var problem = Problem(envNode, $"{field}.env", $"the environment variable {variable} is not set (secret '{name}')");
                    (options.CheckSecrets == SecretCheck.Error ? errors : warnings).Add(problem);
                }
            }

            if (!HasKey(secret, "env")) Error(secret, $"{field}.env", "missing required key 'env' (the environment variable holding the secret)");
            if (variable is not null) secrets[name] = new SecretSource(variable) { Domains = domains };
        }
    }

    private RunPolicy? ReadPolicy(YamlNode node)
    {
        if (!ExpectMapping(node, "policy", out var map)) return null;
        var policy = new RunPolicy();
        foreach (var (key, value) in Entries(map, "policy", ScenarioKeys.Policy))
        {
            var field = $"policy.{key}";
            policy = key switch
            {
                "allow_domains" => ReadStringList(value, field) is { } domains ? policy with { AllowDomains = domains } : policy,
                "allow_apps" => ReadStringList(value, field) is { } apps ? policy with { AllowApps = apps } : policy,
                "approve" => ReadStringList(value, field) is { } approve ? policy with { Approve = approve } : policy,
                "max_steps" => ReadInt(value, field, 1) is { } steps ? policy with { MaxSteps = steps } : policy,
                "timeout" => ReadDuration(value, field, DurationSyntax.MaxRunTimeout) is { } timeout ? policy with { Timeout = timeout } : policy,
                "step_timeout" => ReadDuration(value, field, DurationSyntax.MaxStepTimeout) is { } stepTimeout ? policy with { StepTimeout = stepTimeout } : policy,
                "retries" => ReadInt(value, field, 0) is { } retries ? policy with { Retries = retries } : policy,
                "max_replans" => ReadInt(value, field, 0) is { } replans ? policy with { MaxReplans = replans } : policy,
                "max_tokens" => ReadLong(value, field) is { } tokens ? policy with { MaxTokens = tokens } : policy,
                "max_cost" => ReadDecimal(value, field) is { } cost ? policy with { MaxCost = cost } : policy,
                _ => throw new InvalidOperationException($"The key '{key}' is in ScenarioKeys but has no reader."),
            };
        }

        return policy;
    }

    private List<Expectation> ReadExpectations(YamlNode node)
    {
        var list = new List<Expectation>();
        if (node is not YamlSequenceNode seq)
        {
            Error(node, "expect", $"expected a list of expectations (- text: …, - screen: …, - url: …), not {Describe(node)}");
            return list;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var field = $"expect[{i}]";
            if (!ExpectMapping(seq.Children[i], field, out var map)) continue;
            var expectation = new Expectation { Origin = Origin(map) };
            var count = 0;
            foreach (var (key, value) in Entries(map, field, ScenarioKeys.Expectation))
            {
                if (++count > 1)
                {
                    Error(value, $"{field}.{key}", "an expectation has exactly one of text, screen or url; start a new '- ' item");
                    continue;
                }

                var text = ReadString(value, $"{field}.{key}");
                if (text is null) continue;
                CheckPlaceholders(value, text, $"{field}.{key}", key == "screen" ? PlaceholderUse.ModelVisible : PlaceholderUse.Target);
                expectation = key switch
                {
                    "text" => expectation with { Text = text },
                    "screen" => expectation with { Screen = text },
                    _ => expectation with { Url = text },
                };
            }

            if (map.Children.Count == 0) Error(map, field, "an expectation needs one of text, screen or url");
            else if (count == 1 && (expectation.Text ?? expectation.Screen ?? expectation.Url) is not null) list.Add(expectation);
        }

        return list;
    }

    private string Origin(YamlNode node) => $"{file}:{node.Start.Line}";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex InputNamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvNamePattern();
}
