using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ActionAgent.Core.Scenarios;

/// <summary>Malformed YAML: the parser's position, plus the field it was in (found by replaying the events up to the failure).</summary>
internal sealed partial class ScenarioReader
{
    private ScenarioError SyntaxError(string yaml, YamlException exception)
    {
        // YamlDotNet's message starts with "(Line: …, Col: …, Idx: …) - (…): "; the position is reported separately.
        var message = exception.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
        {
            var second = message.IndexOf("): ", cut + 3, StringComparison.Ordinal);
            message = message[((second > 0 ? second : cut) + 3)..];
        }

        var line = Math.Max(1, (int)exception.Start.Line);
        var column = Math.Max(1, (int)exception.Start.Column);
        return new ScenarioError(file, line, column, FieldAtFailure(yaml), $"malformed YAML: {message.Trim()}");
    }

    private ScenarioError ParserCrashError(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext()) last = parser.Current!.End;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The parser stops where the text stops making sense; the last good event ends just before it.
        }
        return new ScenarioError(file, Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column), FieldAtFailure(yaml),
            "malformed YAML: the text after this point cannot be parsed (check unclosed { [ or quotes)");
    }

    private static string FieldAtFailure(string yaml)
    {
        var frames = new List<Frame>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart:
                        BeginValue(frames);
                        frames.Add(new Frame(IsMapping: true));
                        break;
                    case SequenceStart:
                        BeginValue(frames);
                        frames.Add(new Frame(IsMapping: false));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.RemoveAt(frames.Count - 1);
                        EndValue(frames);
                        break;
                    case Scalar scalar when frames.Count > 0 && frames[^1] is { IsMapping: true, ExpectingKey: true }:
                        frames[^1] = frames[^1] with { Key = scalar.Value, ExpectingKey = false };
                        break;
                    case Scalar or AnchorAlias:
                        BeginValue(frames);
                        EndValue(frames);
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Expected: this replays the same failure; the frames say where it happened.
        }

        var path = string.Concat(frames.Select(f => f.IsMapping
            ? (f.Key is null ? "" : "." + f.Key)
            : (f.Index < 0 ? "" : $"[{f.Index}]")));
        path = path.TrimStart('.');
        return path.Length == 0 ? "(root)" : path;
    }

    private static void BeginValue(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsMapping) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
    }

    private static void EndValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsMapping) frames[^1] = frames[^1] with { ExpectingKey = true };
    }

    private sealed record Frame(bool IsMapping, string? Key = null, bool ExpectingKey = true, int Index = -1);
}
