using System.Text;
using CsCheck;

namespace ActionAgent.Cli.Tests.Safety.Fuzz;

/// <summary>
/// One edit of a real fixture's text, as an attacker or a careless editor would make it: a hostile token inserted,
/// a range deleted, a line duplicated, swapped or re-indented, a value replaced, the file cut short, brackets piled up.
/// CsCheck generates (and shrinks) lists of these, so a failure is reported as the smallest edit that breaks a loader.
/// </summary>
internal sealed record TextMutation(int Kind, int Position, int Token, int Count)
{
    /// <summary>Tokens that have broken parsers before, plus the shapes of the attacks in issue 9.</summary>
    public static readonly string[] Tokens =
    [
        "[", "]", "{", "}", "*a", "&a ", "<<: *a\n", "- ", ": ", "\"", "'", "\t", "#", "---\n", "...\n", "!!binary ", "!!python/object:os.system ",
        "~", "null", "99999999999h", "2000h", "30h", "-1", "1e400", "0x10", "\0", "\u001b[2J", "\uFFFF", "\uD800", "${secrets.x}", "${inputs.",
        "site:", "file:///etc/passwd", "/proc/self/environ", "../../../etc/hostname", "\r", "\n", "? ", "|\n", ">\n", "%YAML 1.2\n", "&b [*a, *a, *a, *a]",
        "NODE_OPTIONS=--require /tmp/x.js\n", "export ", "=", "\\", "\\u0000", ",", "true", "9223372036854775808", "\"steps\": null", "\"index\": 1",
        new string('x', 5000), "\u202e", "😀", "<script>", "]]>", "&#0;",
    ];

    public static Gen<TextMutation> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 9], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, Tokens.Length - 1], CsCheck.Gen.Int[1, 400],
            (kind, position, token, count) => new TextMutation(kind, position, token, count));

    /// <summary>A fixture (by index) and the edits to make to it.</summary>
    public static Gen<(int Fixture, TextMutation[] Edits)> Edits(int fixtures) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, fixtures - 1], Gen.Array[1, 6], (fixture, edits) => (fixture, edits));

    public static string ApplyAll(string text, IEnumerable<TextMutation> edits) => edits.Aggregate(text, (current, edit) => edit.Apply(current));

    public string Apply(string text)
    {
        var at = text.Length == 0 ? 0 : Position % (text.Length + 1);
        var token = Tokens[Token];
        var lines = text.Split('\n').ToList();
        var line = lines.Count == 0 ? 0 : Position % lines.Count;
        switch (Kind)
        {
            case 0:
                return text.Insert(at, token);
            case 1:
                return text.Remove(at, Math.Min(Count, text.Length - at));
            case 2:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 3:
                var other = Token % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            case 4:
                return text[..at];
            case 5:
                // Piles up an opening token: depth and size limits.
                return text.Insert(at, string.Concat(Enumerable.Repeat(token, token.Length > 10 ? 1 + Count / 40 : Count * 10)));
            case 6:
                // Replaces the value after the first ": " on a line: a hostile value in a real field.
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0) return text;
                lines[line] = lines[line][..(colon + 2)] + token;
                return string.Join('\n', lines);
            case 7:
                lines[line] = Count % 2 == 0 ? new string(' ', Count % 9) + lines[line] : lines[line].TrimStart();
                return string.Join('\n', lines);
            case 8:
                return text.Insert(at, ((char)(Count % 160)).ToString());
            default:
                var builder = new StringBuilder(text);
                builder.Append('\n').Append(token);
                return builder.ToString();
        }
    }

    public override string ToString() => $"{Kind}@{Position}:{Tokens[Token].Replace("\n", "\\n", StringComparison.Ordinal)[..Math.Min(20, Tokens[Token].Length)]}x{Count}";
}
