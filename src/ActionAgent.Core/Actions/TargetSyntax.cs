using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActionAgent.Core.Actions;

/// <summary>
/// The one-line target syntax used by scenario files, the CLI and planners:
/// <c>css=.price</c>, <c>xpath=//button</c>, <c>text=Search flights</c>, <c>text="Search"</c> (quoted: exact),
/// <c>label=From</c>, <c>placeholder=Email</c>, <c>ref=e12</c>, <c>testid=pay</c>, <c>role=button</c>,
/// <c>role=button[name="Pay"]</c>, <c>role=button[name="Pay"][exact]</c>.
/// A string with none of these prefixes is a description in plain words (<see cref="ElementTarget.Describe"/>)
/// that a planner or locator grounds.
/// </summary>
public static class TargetSyntax
{
    /// <summary>The prefixes this syntax knows, each followed by <c>=</c>.</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        ["css", "xpath", "text", "label", "placeholder", "ref", "testid", "role"];

    /// <summary>Parses a target string.</summary>
    /// <exception cref="FormatException">The string has a known prefix but a malformed value.</exception>
    public static ElementTarget Parse(string text) =>
        TryParse(text, out var target, out var error) ? target : throw new FormatException(error);

    /// <summary>Parses a target string; false, with a one-line reason, when it is malformed.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out ElementTarget? target,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        target = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "a target cannot be empty";
            return false;
        }

        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        var prefix = equals > 0 ? trimmed[..equals] : null;
        if (prefix is null || !Prefixes.Contains(prefix))
        {
            error = null;
            target = ElementTarget.Describe(trimmed);
            return true;
        }

        var value = trimmed[(equals + 1)..].Trim();
        if (value.Length == 0)
        {
            error = $"'{prefix}=' needs a value after the '='";
            return false;
        }

        error = null;
        switch (prefix)
        {
            case "css": target = new ElementTarget { Css = value }; return true;
            case "xpath": target = new ElementTarget { XPath = value }; return true;
            case "ref": target = new ElementTarget { Ref = value }; return true;
            case "testid": target = new ElementTarget { TestId = value }; return true;
            case "role": return TryParseRole(value, out target, out error);
        }

        // text=, label=, placeholder=: a value in double quotes asks for an exact match (as in Playwright).
        var exact = value.Length >= 2 && value[0] == '"' && value[^1] == '"';
        if (exact) value = value[1..^1];
        target = prefix switch
        {
            "text" => new ElementTarget { Text = value, Exact = exact },
            "label" => new ElementTarget { Label = value, Exact = exact },
            _ => new ElementTarget { Placeholder = value, Exact = exact },
        };
        return true;
    }

    /// <summary>
    /// Writes the strongest single layer of a target in this syntax (the inverse of <see cref="Parse"/> for targets
    /// with one layer); a target with no layer this syntax can express is written as its description.
    /// </summary>
    public static string Format(ElementTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Ref is not null) return "ref=" + target.Ref;
        if (target.TestId is not null) return "testid=" + target.TestId;
        if (target.Role is not null)
        {
            var role = "role=" + target.Role;
            if (target.Name is not null) role += $"[name=\"{target.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
            return target.Exact ? role + "[exact]" : role;
        }

        if (target.Label is not null) return "label=" + Quoted(target.Label, target.Exact);
        if (target.Placeholder is not null) return "placeholder=" + Quoted(target.Placeholder, target.Exact);
        if (target.Text is not null) return "text=" + Quoted(target.Text, target.Exact);
        if (target.Css is not null) return "css=" + target.Css;
        if (target.XPath is not null) return "xpath=" + target.XPath;
        return target.Description ?? "";
    }

    private static string Quoted(string value, bool exact) => exact ? $"\"{value}\"" : value;

    // role=NAME, then any number of [name="…"] / [name='…'] / [exact] attributes.
    private static bool TryParseRole(string value, [NotNullWhen(true)] out ElementTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        var bracket = value.IndexOf('[', StringComparison.Ordinal);
        var role = (bracket < 0 ? value : value[..bracket]).Trim();
        if (role.Length == 0 || !role.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            error = $"'{role}' is not a role name (expected letters, such as role=button)";
            return false;
        }

        string? name = null;
        var exact = false;
        var i = bracket < 0 ? value.Length : bracket;
        while (i < value.Length)
        {
            if (value[i] != '[')
            {
                error = $"unexpected '{value[i..]}' after role={role} (expected [name=\"…\"] or [exact])";
                return false;
            }

            if (string.CompareOrdinal(value, i, "[exact]", 0, 7) == 0)
            {
                exact = true;
                i += 7;
                continue;
            }

            if (string.CompareOrdinal(value, i, "[name=", 0, 6) != 0)
            {
                error = $"unknown role attribute at '{value[i..]}' (expected [name=\"…\"] or [exact])";
                return false;
            }

            i += 6;
            if (!TryReadQuoted(value, ref i, out name) || i >= value.Length || value[i] != ']')
            {
                error = "role name must be quoted and closed, as in role=button[name=\"Pay\"]";
                return false;
            }

            i++;
        }

        error = null;
        target = new ElementTarget { Role = role, Name = name, Exact = exact };
        return true;
    }

    private static bool TryReadQuoted(string s, ref int i, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (i >= s.Length || s[i] is not ('"' or '\'')) return false;
        var quote = s[i++];
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == '\\' && i < s.Length)
            {
                sb.Append(s[i++]);
            }
            else if (c == quote)
            {
                value = sb.ToString();
                return true;
            }
            else
            {
                sb.Append(c);
            }
        }

        return false;
    }
}
