using System.Text;

namespace ActionAgent.Desktop;

/// <summary>Splits a launch command into the program and its arguments (double or single quotes group; no shell).</summary>
public static class CommandLineSplitter
{
    /// <summary>The words of <paramref name="command"/>.</summary>
    public static IReadOnlyList<string> Split(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (quote is not null) throw new FormatException($"The command has an unclosed {quote} quote: {command}");
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
