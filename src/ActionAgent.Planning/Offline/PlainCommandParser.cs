using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Parses goals made of imperative clauses: "click X", "type/enter/fill Y into/in Z", "fill Z with Y",
/// "select/choose Y from/in Z", "check/tick X", "uncheck/untick X", "press Enter", "go to URL", "scroll to X",
/// "hover over X", "wait for X", joined by "and", "then", commas and semicolons.
/// </summary>
public static partial class PlainCommandParser
{
    /// <summary>Parses every clause; false when any clause is not a command (the goal is then not plain commands).</summary>
    public static bool TryParse(string goal, out IReadOnlyList<PlainCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var list = new List<PlainCommand>();
        commands = list;
        foreach (var clause in SplitClauses(goal))
        {
            if (ParseClause(clause) is not { } command) return false;
            list.Add(command);
        }
        return list.Count > 0;
    }

    /// <summary>Parses one clause, or null when it is not a command.</summary>
    public static PlainCommand? ParseClause(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var text = clause.Trim().TrimEnd('.', '!');
        Match m;
        if ((m = TypeInto().Match(text)).Success)
        {
            var verb = m.Groups["verb"].Value.ToLowerInvariant();
            return new(verb == "type" ? ActionKind.Type : ActionKind.Fill, Target(m), Unquote(m.Groups["value"].Value), text);
        }
        if ((m = FillWith().Match(text)).Success) return new(ActionKind.Fill, Target(m), Unquote(m.Groups["value"].Value), text);
        if ((m = SelectFrom().Match(text)).Success) return new(ActionKind.Select, Target(m), Unquote(m.Groups["value"].Value), text);
        if ((m = PressKey().Match(text)).Success)
        {
            var target = m.Groups["target"].Success ? Target(m) : null;
            return new(ActionKind.Press, target, KeyName(m.Groups["key"].Value), text);
        }
        if ((m = GoTo().Match(text)).Success) return new(ActionKind.Goto, null, m.Groups["url"].Value, text);
        if ((m = Uncheck().Match(text)).Success) return new(ActionKind.Uncheck, Target(m), null, text);
        if ((m = Check().Match(text)).Success) return new(ActionKind.Check, Target(m), null, text);
        if ((m = ScrollTo().Match(text)).Success) return new(ActionKind.Scroll, Target(m), null, text);
        if ((m = Hover().Match(text)).Success) return new(ActionKind.Hover, Target(m), null, text);
        if ((m = WaitFor().Match(text)).Success) return new(ActionKind.WaitFor, null, Unquote(m.Groups["target"].Value), text);
        if ((m = Click().Match(text)).Success) return new(ActionKind.Click, Target(m), null, text);
        return null;
    }

    /// <summary>Splits on "and then", "then", "and", commas and semicolons, but never inside quotes.</summary>
    public static IReadOnlyList<string> SplitClauses(string goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        // Protect quoted text, split, then restore.
        var quoted = new List<string>();
        var masked = Quoted().Replace(goal, m =>
        {
            quoted.Add(m.Value);
            return $"\u0001{quoted.Count - 1}\u0001";
        });
        var parts = Separators().Split(masked)
            .Select(p => Regex.Replace(p, "\u0001(\\d+)\u0001", q => quoted[int.Parse(q.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();
        return parts;
    }

    private static string Target(Match m) => Unquote(m.Groups["target"].Value.Trim());

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && "\"'“‘".Contains(value[0], StringComparison.Ordinal) && "\"'”’".Contains(value[^1], StringComparison.Ordinal))
        {
            return value[1..^1];
        }
        return value;
    }

    private static string KeyName(string key)
    {
        var lower = key.Trim().ToLowerInvariant();
        return lower switch
        {
            "enter" or "return" => "Enter",
            "tab" => "Tab",
            "escape" or "esc" => "Escape",
            "space" or "spacebar" => "Space",
            "backspace" => "Backspace",
            "delete" or "del" => "Delete",
            "up" or "arrow up" or "up arrow" => "ArrowUp",
            "down" or "arrow down" or "down arrow" => "ArrowDown",
            "left" or "arrow left" or "left arrow" => "ArrowLeft",
            "right" or "arrow right" or "right arrow" => "ArrowRight",
            _ => key.Trim(),
        };
    }

    private const string Value = "(?<value>\"[^\"]*\"|'[^']*'|“[^”]*”|.+?)";

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s*(?:[,;]\s*(?:and\s+)?(?:then\s+)?|\s+and\s+then\s+|\s+then\s+|\s+and\s+(?=(?:click|press|tap|type|enter|fill|select|choose|pick|check|tick|uncheck|untick|go|open|navigate|scroll|hover|wait)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?<verb>type|enter|fill\s+in|fill|write|put|input)\s+" + Value + @"\s+(?:into|in|on)\s+(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeInto();

    [GeneratedRegex(@"^(?:fill(?:\s+in)?|set)\s+(?<target>.+?)\s+(?:with|to)\s+" + Value + "$", RegexOptions.IgnoreCase)]
    private static partial Regex FillWith();

    [GeneratedRegex(@"^(?:select|choose|pick)\s+" + Value + @"\s+(?:from|in|for|as)\s+(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SelectFrom();

    [GeneratedRegex(@"^(?:press|hit)\s+(?:the\s+)?(?<key>enter|return|tab|escape|esc|space|spacebar|backspace|delete|del|home|end|pageup|pagedown|(?:up|down|left|right)(?:\s+arrow)?|arrow\s*(?:up|down|left|right)|f\d{1,2}|(?:control|ctrl|shift|alt|meta)\+\w+)(?:\s+key)?(?:\s+(?:in|on)\s+(?<target>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PressKey();

    [GeneratedRegex(@"^(?:go\s+to|open|navigate\s+to|visit)\s+(?<url>(?:https?://|/|\./)\S*|[\w\-]+\.[\w.\-]+(?:/\S*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex GoTo();

    [GeneratedRegex(@"^(?:check|tick|enable|select)\s+(?<target>.+?)(?:\s+checkbox)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Check();

    [GeneratedRegex(@"^(?:uncheck|untick|disable|deselect)\s+(?<target>.+?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Uncheck();

    [GeneratedRegex(@"^scroll\s+(?:down\s+)?to\s+(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ScrollTo();

    [GeneratedRegex(@"^hover\s+(?:over|on)?\s*(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Hover();

    [GeneratedRegex(@"^wait\s+(?:for|until)\s+(?<target>.+?)(?:\s+(?:appears|is\s+visible|shows))?$", RegexOptions.IgnoreCase)]
    private static partial Regex WaitFor();

    [GeneratedRegex(@"^(?:click|tap|press|push|hit)\s+(?:on\s+)?(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Click();
}
