using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Observation;

/// <summary>
/// Parses the text of an accessibility snapshot in Playwright's YAML-like form
/// (<c>- button "Search" [ref=e3] [box=10,20,80,24]</c>, children indented under a trailing colon)
/// into <see cref="UiNode"/> trees. Lines it does not understand are kept as text nodes, never dropped.
/// </summary>
public static partial class AriaSnapshotParser
{
    /// <summary>Parses a snapshot into its top-level nodes.</summary>
    public static IReadOnlyList<UiNode> Parse(string snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var root = new Builder("root", 0);
        var stack = new Stack<Builder>();
        stack.Push(root);
        foreach (var rawLine in snapshot.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith("- ", StringComparison.Ordinal) && trimmed != "-") continue;
            var indent = line.Length - trimmed.Length;
            while (stack.Count > 1 && stack.Peek().Indent >= indent) stack.Pop();
            var body = trimmed.Length > 2 ? trimmed[2..] : "";
            var parent = stack.Peek();
            if (body.StartsWith('/'))
            {
                // "- /url: /path" and similar are properties of the parent node.
                var colon = body.IndexOf(':', StringComparison.Ordinal);
                if (colon > 1) parent.Attributes[body[1..colon]] = Unquote(body[(colon + 1)..].Trim());
                continue;
            }
            var node = ParseLine(body, indent);
            parent.Children.Add(node);
            stack.Push(node);
        }
        return [.. root.Children.Select(b => b.Build())];
    }

    private static Builder ParseLine(string body, int indent)
    {
        body = UnquoteKey(body);
        var match = LinePattern().Match(body);
        if (!match.Success)
        {
            return new Builder("text", indent) { Value = Unquote(body.TrimEnd(':').Trim()) };
        }
        var builder = new Builder(match.Groups["role"].Value, indent)
        {
            Name = match.Groups["name"].Success ? UnescapeName(match.Groups["name"].Value) : "",
        };
        foreach (Capture capture in match.Groups["attr"].Captures)
        {
            var attr = capture.Value;
            var eq = attr.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) builder.Flags.Add(attr);
            else builder.Attributes[attr[..eq]] = attr[(eq + 1)..];
        }
        if (match.Groups["value"].Success)
        {
            var value = match.Groups["value"].Value.Trim();
            if (value.Length > 0) builder.Value = Unquote(value);
        }
        if (builder.Attributes.TryGetValue("ref", out var reference)) builder.Ref = reference;
        if (builder.Attributes.TryGetValue("box", out var box)) builder.Box = ParseBox(box);
        return builder;
    }

    // A line whose name holds ": " is written as a YAML single-quoted key ('button "Sort: Newest" [ref=e1]': value),
    // with '' for a quote inside: take the key out of its quotes and keep what follows.
    private static string UnquoteKey(string body)
    {
        if (body.Length < 2 || body[0] != '\'') return body;
        for (var i = 1; i < body.Length; i++)
        {
            if (body[i] != '\'') continue;
            if (i + 1 < body.Length && body[i + 1] == '\'')
            {
                i++;
                continue;
            }
            return body[1..i].Replace("''", "'", StringComparison.Ordinal) + body[(i + 1)..];
        }
        return body;
    }

    private static BoundingBox? ParseBox(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 4) return null;
        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }
        return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    private static string UnescapeName(string name) => name.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
        {
            return UnescapeName(value[1..^1]);
        }
        return value;
    }

    // role, optional "name" (with escapes) or /regex/, any number of [attr] groups, optional ": value" or trailing ":".
    [GeneratedRegex("""^(?<role>[A-Za-z][\w-]*)(?:\s+"(?<name>(?:[^"\\]|\\.)*)")?(?:\s+/(?:[^/\\]|\\.)*/)?(?:\s*\[(?<attr>[^\]]*)\])*\s*(?::(?<value>.*))?$""")]
    private static partial Regex LinePattern();

    private sealed class Builder(string role, int indent)
    {
        public int Indent { get; } = indent;
        public string Role { get; } = role;
        public string Name { get; set; } = "";
        public string? Ref { get; set; }
        public string? Value { get; set; }
        public BoundingBox? Box { get; set; }
        public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
        public List<Builder> Children { get; } = [];

        public UiNode Build() => new()
        {
            Role = Role,
            Name = Name,
            Ref = Ref,
            Value = Value,
            Box = Box,
            Flags = Flags,
            Attributes = Attributes,
            Children = [.. Children.Select(c => c.Build())],
        };
    }
}
