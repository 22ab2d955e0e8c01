using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Core.Scenarios;

/// <summary>Placeholders: <c>${inputs.NAME}</c>, <c>${secrets.NAME}</c>, <c>${vars.NAME}</c> must name something declared.</summary>
internal sealed partial class ScenarioReader
{
    private void CheckPlaceholders(YamlNode node, string text, string field, PlaceholderUse use)
    {
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            var inner = match.Groups["inner"].Value.Trim();
            if (match.Groups["close"].Length == 0)
            {
                Error(node, field, $"unclosed placeholder '${{{inner}': add the closing '}}'");
                continue;
            }

            var dot = inner.IndexOf('.', StringComparison.Ordinal);
            var scope = dot < 0 ? inner : inner[..dot];
            var name = dot < 0 ? "" : inner[(dot + 1)..];
            var message = scope switch
            {
                "inputs" => CheckInput(name),
                "secrets" => CheckSecret(name, use),
                "vars" => variables.Contains(name)
                    ? null
                    : $"unknown variable '{name}': a variable is set by the 'as' of an earlier extract step{ClosestMatch.Hint(name, variables)}",
                _ => $"unknown placeholder '${{{inner}}}': use ${{inputs.NAME}}, ${{secrets.NAME}} or ${{vars.NAME}}",
            };
            if (message is not null) Error(node, field, message);
        }
    }

    private string? CheckInput(string name)
    {
        if (inputs.ContainsKey(name)) return null;
        if (inputGroups.Contains(name))
        {
            var example = inputs.Keys.FirstOrDefault(k => k.StartsWith(name + ".", StringComparison.Ordinal));
            return $"'inputs.{name}' is a group of inputs; name one value, such as inputs.{example}";
        }

        return inputs.Count == 0
            ? $"unknown input '{name}': the scenario declares no inputs"
            : $"unknown input '{name}'{ClosestMatch.Hint(name, inputs.Keys)}";
    }

    private string? CheckSecret(string name, PlaceholderUse use)
    {
        if (!declaredSecrets.Contains(name))
        {
            return declaredSecrets.Count == 0
                ? $"unknown secret '{name}': the scenario declares no secrets (secrets: {{ {name}: {{ env: VARIABLE }} }})"
                : $"unknown secret '{name}'{ClosestMatch.Hint(name, declaredSecrets)}";
        }

        return use switch
        {
            PlaceholderUse.Value => null,
            PlaceholderUse.Target => $"secret '{name}' cannot be part of a target: targets are written to recordings and logs; use it in a value",
            PlaceholderUse.Url => $"secret '{name}' cannot be part of a URL: a URL goes to servers, redirects and history; type the secret into a field with fill",
            _ => $"secret '{name}' cannot be used here: this text is sent to models and written to logs; use it in a step's value",
        };
    }

    // "${" up to "}" — or to the end when there is no "}", which is reported as unclosed.
    [GeneratedRegex(@"\$\{(?<inner>[^}]*)(?<close>\}?)")]
    private static partial Regex PlaceholderPattern();
}
