using ActionAgent.Core.Actions;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Core.Scenarios;

/// <summary>Steps: <c>- ACTION: "target string"</c> or <c>- ACTION: { fields }</c>, one action per step.</summary>
internal sealed partial class ScenarioReader
{
    // Names set by extract steps read so far; ${vars.NAME} may use only those of earlier steps.
    private readonly HashSet<string> variables = new(StringComparer.Ordinal);

    private List<PlanStep> ReadSteps(YamlNode node)
    {
        var steps = new List<PlanStep>();
        if (node is not YamlSequenceNode seq)
        {
            Error(node, "steps", $"expected a list of steps (- goto: /, - click: …), not {Describe(node)}");
            return steps;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var field = $"steps[{i}]";
            if (seq.Children[i] is not YamlMappingNode item)
            {
                Error(seq.Children[i], field, $"a step is a mapping with one action, such as - click: \"text=Search\"; not {Describe(seq.Children[i])}");
                continue;
            }

            if (item.Children.Count == 0)
            {
                Error(item, field, $"a step needs an action: one of {string.Join(", ", ActionKindNames.All)}");
                continue;
            }

            var entries = item.Children.ToList();
            var action = (entries[0].Key as YamlScalarNode)?.Value ?? "";
            foreach (var (extraNode, _) in entries.Skip(1))
            {
                var extra = (extraNode as YamlScalarNode)?.Value ?? "";
                var message = ScenarioKeys.StepArgs.Contains(extra)
                    ? $"'{extra}' belongs inside the action: write - {action}: {{ …, {extra}: … }}"
                    : ScenarioKeys.Step.Contains(extra)
                        ? $"a step has exactly one action, but this one has '{action}' and '{extra}'; start a new '- ' item"
                        : $"unknown key '{extra}'{ClosestMatch.Hint(extra, ScenarioKeys.Step)}; a step has exactly one action";
                Error(extraNode, $"{field}.{extra}", message);
            }

            if (!ScenarioKeys.Step.Contains(action) || !ActionKindNames.TryParse(action, out var kind))
            {
                var hint = ClosestMatch.Hint(action, ScenarioKeys.Step);
                // A drag needs a second element; scenario steps name one target, so drags come from goals ("Drag X to Y").
                var message = action == "drag"
                    ? "drag steps cannot be written in a scenario yet (they need a drop target): write the goal instead, e.g. goal: Drag \"Fix bug\" to Done"
                    : hint.Length > 0 || !ScenarioKeys.StepArgs.Contains(action)
                    ? $"unknown action '{action}'{hint} (actions: {string.Join(", ", ScenarioKeys.Step)})"
                    : $"'{action}' is not an action; a step starts with its action, such as - click: {{ {action}: … }}";
                Error(entries[0].Key, $"{field}.{action}", message);
                continue;
            }

            if (ReadStep(kind, entries[0].Value, $"{field}.{action}", item) is { } step)
                steps.Add(step with { Origin = Origin(item) });
        }

        return steps;
    }

    private PlanStep? ReadStep(ActionKind kind, YamlNode node, string field, YamlMappingNode item)
    {
        switch (node)
        {
            case YamlScalarNode scalar when !IsNull(scalar):
                return ReadShorthand(kind, scalar, field);
            case YamlMappingNode map:
                return ReadStepFields(kind, map, field);
            case YamlScalarNode:
                Error(item, field, $"{kind.ToName()} needs {Needs(kind)}");
                return null;
            default:
                Error(node, field, $"expected a target string or a mapping of fields, not {Describe(node)}");
                return null;
        }
    }

    private PlanStep? ReadShorthand(ActionKind kind, YamlScalarNode scalar, string field)
    {
        var text = scalar.Value ?? "";
        switch (kind)
        {
            case ActionKind.Goto or ActionKind.Press:
                CheckPlaceholders(scalar, text, field, kind == ActionKind.Goto ? PlaceholderUse.Url : PlaceholderUse.Value);
                return new PlanStep { Action = kind, Value = text };
            case ActionKind.Fill or ActionKind.Type or ActionKind.Select:
                Error(scalar, field, $"{kind.ToName()} needs a target and a value: write {{ label: …, value: … }}");
                return null;
            case ActionKind.Extract:
                Error(scalar, field, "extract needs a target and 'as': write { css: …, as: NAME }");
                return null;
        }

        if (!TargetSyntax.TryParse(text, out var target, out var error))
        {
            Error(scalar, field, error);
            return null;
        }

        CheckPlaceholders(scalar, text, field, PlaceholderUse.Target);
        return new PlanStep { Action = kind, Target = target };
    }

    private PlanStep? ReadStepFields(ActionKind kind, YamlMappingNode map, string field)
    {
        var action = kind.ToName();
        var target = new ElementTarget();
        var hasTarget = false;
        YamlNode? nameNode = null;
        string? value = null, key = null, url = null, variable = null, expect = null, note = null;
        TimeSpan? timeout = null;
        IReadOnlyList<string> tags = [];
        var ok = true;

        foreach (var (name, node) in Entries(map, field, ScenarioKeys.StepArgs))
        {
            var path = $"{field}.{name}";
            if (!ScenarioKeys.Applies(name, kind))
            {
                Error(node, path, $"'{name}' does not apply to {action}; it is for {ScenarioKeys.WhereApplies(name)}");
                ok = false;
                continue;
            }

            if (name == "exact")
            {
                if (ReadBool(node, path) is { } exact) target = target with { Exact = exact };
                else ok = false;
                continue;
            }

            if (name == "timeout")
            {
                timeout = ReadDuration(node, path, DurationSyntax.MaxStepTimeout);
                ok &= timeout is not null;
                continue;
            }

            if (name == "tags")
            {
                if (ReadStringList(node, path) is { } list) tags = list;
                else ok = false;
                continue;
            }

            var text = ReadString(node, path);
            if (text is null)
            {
                ok = false;
                continue;
            }

            var use = name switch
            {
                "value" or "key" => PlaceholderUse.Value,
                "url" => PlaceholderUse.Url,
                "expect" or "note" => PlaceholderUse.ModelVisible,
                _ => PlaceholderUse.Target,
            };
            CheckPlaceholders(node, text, path, use);
            hasTarget |= ScenarioKeys.TargetFields.Contains(name);
            switch (name)
            {
                case "value": value = text; break;
                case "key": key = text; break;
                case "url": url = text; break;
                case "as": variable = text; ok &= CheckVariableName(node, path, text); break;
                case "expect": expect = text; break;
                case "note": note = text; break;
                case "ref": target = target with { Ref = text }; break;
                case "testid": target = target with { TestId = text }; break;
                case "role": target = target with { Role = text }; break;
                case "name": target = target with { Name = text }; nameNode = node; break;
                case "label": target = target with { Label = text }; break;
                case "placeholder": target = target with { Placeholder = text }; break;
                case "text": target = target with { Text = text }; break;
                case "css": target = target with { Css = text }; break;
                case "xpath": target = target with { XPath = text }; break;
                case "description": target = target with { Description = text }; break;
                default: throw new InvalidOperationException($"The step field '{name}' is in ScenarioKeys but has no reader.");
            }
        }

        if (nameNode is not null && target.Role is null)
        {
            Error(nameNode, $"{field}.name", "'name' is an accessible name and needs a 'role' (such as role: button)");
            ok = false;
        }

        ok &= Require(kind, map, field, hasTarget, value, key, url, variable);
        if (!ok) return null;
        if (variable is not null) variables.Add(variable);
        return new PlanStep
        {
            Action = kind,
            Target = hasTarget ? target : null,
            Value = kind switch
            {
                ActionKind.Goto => url,
                ActionKind.Press => key,
                ActionKind.Extract => variable,
                _ => value,
            },
            Timeout = timeout,
            Tags = tags,
            Expect = expect,
            Description = note,
        };
    }

    private bool Require(ActionKind kind, YamlMappingNode map, string field, bool hasTarget, string? value, string? key, string? url, string? variable)
    {
        var action = kind.ToName();
        var missing = kind switch
        {
            ActionKind.Goto when url is null => ("url", "goto needs a url: write - goto: /path, or { url: … }"),
            ActionKind.Press when key is null => ("key", "press needs a key, such as Enter or Control+A"),
            ActionKind.Scroll when !hasTarget && value is null => ("", "scroll needs a target, or a value (up, down, top, bottom)"),
            ActionKind.Goto or ActionKind.Press or ActionKind.Scroll => default,
            _ when !hasTarget => ("", $"{action} needs a target: one of {string.Join(", ", ScenarioKeys.TargetFields.Where(f => f != "exact"))}"),
            ActionKind.Fill or ActionKind.Type or ActionKind.Select when value is null => ("value", $"{action} needs a value"),
            ActionKind.Extract when variable is null => ("as", "extract needs 'as': the variable name that receives the text"),
            _ => default((string, string)?),
        };
        if (missing is not { } problem) return true;
        Error(map, problem.Item1.Length == 0 ? field : $"{field}.{problem.Item1}", problem.Item2);
        return false;
    }

    private static string Needs(ActionKind kind) => kind switch
    {
        ActionKind.Goto => "a url",
        ActionKind.Press => "a key",
        ActionKind.Fill or ActionKind.Type or ActionKind.Select => "a target and a value",
        ActionKind.Extract => "a target and 'as'",
        ActionKind.Scroll => "a target or a value",
        _ => "a target",
    };

    private bool CheckVariableName(YamlNode node, string field, string name)
    {
        if (SecretNamePattern().IsMatch(name)) return true;
        Error(node, field, $"'{name}' is not a variable name: use letters, digits and '_'");
        return false;
    }
}
