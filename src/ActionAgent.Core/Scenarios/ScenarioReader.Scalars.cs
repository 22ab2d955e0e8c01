using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Core.Scenarios;

/// <summary>Node helpers: typed reads that record an error (with the node's position) and return null on bad input.</summary>
internal sealed partial class ScenarioReader
{
    /// <summary>The entries of a mapping whose keys are known; unknown and non-text keys become errors and are skipped.</summary>
    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, string parent, IReadOnlyList<string> known)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, parent.Length == 0 ? "(root)" : parent, "a key must be plain text");
                continue;
            }

            if (!known.Contains(key))
            {
                var field = Join(parent, key);
                Error(keyNode, field, $"unknown key '{key}'{ClosestMatch.Hint(key, known)}");
                continue;
            }

            yield return (key, value);
        }
    }

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    private static bool HasKey(YamlMappingNode map, string key) =>
        map.Children.Keys.Any(k => k is YamlScalarNode { Value: var v } && v == key);

    private bool ExpectMapping(YamlNode node, string field, [NotNullWhen(true)] out YamlMappingNode? map)
    {
        map = node as YamlMappingNode;
        if (map is null) Error(node, field, $"expected a mapping of keys, not {Describe(node)}");
        return map is not null;
    }

    private string? ReadString(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar)) return scalar.Value ?? "";
        Error(node, field, $"expected text, not {Describe(node)}");
        return null;
    }

    private int? ReadInt(YamlNode node, string field, int min)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min) return value;
            Error(node, field, $"expected a whole number of at least {min}, not {value}");
            return null;
        }

        Error(node, field, $"expected a whole number, not {Describe(node)}");
        return null;
    }

    private long? ReadLong(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(node, field, $"expected a whole number of at least 0 (0: no limit), not {Describe(node)}");
        return null;
    }

    private decimal? ReadDecimal(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } text } && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(node, field, $"expected an amount in US dollars of at least 0, such as 0.50 (0: no limit), not {Describe(node)}");
        return null;
    }

    private bool? ReadBool(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: "true" }) return true;
        if (node is YamlScalarNode { Value: "false" }) return false;
        Error(node, field, $"expected true or false, not {Describe(node)}");
        return null;
    }

    private TimeSpan? ReadDuration(YamlNode node, string field, TimeSpan maximum)
    {
        if (node is YamlScalarNode { Value: { } text } && DurationSyntax.TryParse(text, out var duration))
        {
            if (duration <= maximum) return duration;
            Error(node, field, $"{text} is longer than the most this field allows ({DurationSyntax.Format(maximum)})");
            return null;
        }
        if (node is YamlScalarNode { Value: { } tooLong } && LooksLikeDuration().IsMatch(tooLong.Trim()))
        {
            Error(node, field, $"{tooLong} is longer than the most this field allows ({DurationSyntax.Format(maximum)})");
            return null;
        }
        Error(node, field, $"expected a duration more than zero, such as 500ms, 90s, 2m, 1h or a number of seconds, not {Describe(node)}");
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h)?)+$", System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex LooksLikeDuration();

    private List<string>? ReadStringList(YamlNode node, string field)
    {
        if (node is not YamlSequenceNode seq)
        {
            Error(node, field, $"expected a list, such as [a, b], not {Describe(node)}");
            return null;
        }

        var list = new List<string>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (ReadString(seq.Children[i], $"{field}[{i}]") is { } item) list.Add(item);
        }

        return list;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode { Value: var value } => $"'{value}'",
        _ => "an alias",
    };

    private void Error(YamlNode node, string field, string message) => errors.Add(Problem(node, field, message));

    private void Error(int line, int column, string field, string message) =>
        errors.Add(new ScenarioError(file, line, column, field, message));

    private ScenarioError Problem(YamlNode node, string field, string message) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, field, message);
}
