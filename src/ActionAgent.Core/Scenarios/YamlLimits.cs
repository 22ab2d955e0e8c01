using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ActionAgent.Core.Scenarios;

/// <summary>
/// Bounds on YAML a user may not have written (scenarios and skills from others): its size, how deep it nests, and
/// how many nodes it stands for once aliases are expanded (a few hundred bytes of <c>&amp;a [*b, *b, …]</c> can stand
/// for billions). Checked on the parser's event stream, which neither recurses nor expands, before anything builds a
/// tree, so bad input is an error and never a stack overflow or an out-of-memory.
/// </summary>
public static class YamlLimits
{
    /// <summary>The largest text read. <value>1 MB of characters.</value></summary>
    public const int MaxChars = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists. <value>64.</value></summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes the text may stand for with every alias expanded. <value>100 000.</value></summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>The first limit the text breaks, with where; null when it keeps them all (or is not YAML at all: the parser then says why).</summary>
    public static YamlLimitViolation? Check(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxChars) return new YamlLimitViolation(1, 1, $"the text is {yaml.Length / 1024} KB; at most {MaxChars / 1024} KB is read");
        var parser = new Parser(new StringReader(yaml));
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        // Each open mapping or list: its anchor and how many nodes it holds so far (itself included).
        var open = new Stack<(string? Anchor, long Nodes)>();
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                long nodes;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth) return At(current.Start, $"the text nests deeper than {MaxDepth} levels");
                        var anchor = ((NodeEvent)current).Anchor;
                        open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                        continue;
                    case MappingEnd or SequenceEnd:
                        var (name, count) = open.Pop();
                        if (name is not null) anchors[name] = count;
                        nodes = count;
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = 1;
                        nodes = 1;
                        break;
                    case AnchorAlias alias:
                        nodes = anchors.TryGetValue(alias.Value.Value, out var size) ? size : 1;
                        break;
                    default:
                        continue;
                }
                if (open.Count > 0)
                {
                    var (name, count) = open.Pop();
                    open.Push((name, Math.Min(count + nodes, long.MaxValue / 2)));
                }
                total = Math.Min(total + (open.Count == 0 ? nodes : 0), long.MaxValue / 2);
                if (total > MaxExpandedNodes || (open.Count > 0 && open.Peek().Nodes > MaxExpandedNodes))
                {
                    return At(current.Start, $"the text stands for more than {MaxExpandedNodes:N0} nodes once its aliases (*name) are expanded");
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // Not YAML: the loader's own parse reports the syntax error with its position.
        }
        return null;
    }

    private static YamlLimitViolation At(Mark mark, string message) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column), message);
}
