namespace ActionAgent.Desktop.X11;

/// <summary>Turns the key names steps use (Playwright's: <c>Enter</c>, <c>Control+S</c>, <c>ArrowDown</c>) into xdotool's keysyms.</summary>
public static class XKeyNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Enter"] = "Return", ["Return"] = "Return", ["Escape"] = "Escape", ["Esc"] = "Escape", ["Tab"] = "Tab",
        ["Backspace"] = "BackSpace", ["Delete"] = "Delete", ["Space"] = "space", [" "] = "space",
        ["ArrowUp"] = "Up", ["ArrowDown"] = "Down", ["ArrowLeft"] = "Left", ["ArrowRight"] = "Right",
        ["Up"] = "Up", ["Down"] = "Down", ["Left"] = "Left", ["Right"] = "Right",
        ["Home"] = "Home", ["End"] = "End", ["PageUp"] = "Prior", ["PageDown"] = "Next", ["Insert"] = "Insert",
        ["Control"] = "ctrl", ["Ctrl"] = "ctrl", ["ControlOrMeta"] = "ctrl", ["Shift"] = "shift", ["Alt"] = "alt", ["Meta"] = "super",
        ["+"] = "plus", ["-"] = "minus", ["*"] = "asterisk", ["/"] = "slash", ["="] = "equal", ["."] = "period", [","] = "comma",
    };

    /// <summary>The xdotool chord for a key name (<c>Control+Shift+S</c> → <c>ctrl+shift+s</c>).</summary>
    /// <exception cref="ArgumentException">A part of the chord is not a key.</exception>
    public static string ToXdotool(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        // "Control++" presses plus: split on '+' but keep a trailing lone '+'.
        var parts = new List<string>();
        var rest = key;
        while (rest.Length > 0)
        {
            var plus = rest.IndexOf('+', 1);
            if (plus < 0 || plus == rest.Length - 1 && rest.Length == 1)
            {
                parts.Add(rest);
                break;
            }
            parts.Add(rest[..plus]);
            rest = rest[(plus + 1)..];
        }
        return string.Join('+', parts.Select(Map));
    }

    private static string Map(string part)
    {
        if (Names.TryGetValue(part, out var name)) return name;
        if (part.Length == 1) return char.IsUpper(part[0]) ? part.ToLowerInvariant() : part;
        if (part.Length is 2 or 3 && (part[0] is 'F' or 'f') && int.TryParse(part[1..], out var n) && n is >= 1 and <= 24) return "F" + n;
        throw new ArgumentException($"\"{part}\" is not a key name (try Enter, Tab, Escape, Control+S, ArrowDown, F2).", nameof(part));
    }
}
