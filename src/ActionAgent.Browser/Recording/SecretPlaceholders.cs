using System.Text;
using ActionAgent.Core.Actions;

namespace ActionAgent.Browser.Recording;

/// <summary>Names the secret a recorded password field stands for, from the field's label ("Password" → <c>password</c>).</summary>
public static class SecretPlaceholders
{
    /// <summary>A secret name (letters, digits and '_') for a field; <c>password</c> when the field has no words.</summary>
    public static string NameFor(ElementTarget? field)
    {
        var words = field?.Label ?? field?.Name ?? field?.Placeholder ?? field?.TestId ?? "";
        var name = new StringBuilder();
        foreach (var c in words.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) name.Append(c);
            else if (name.Length > 0 && name[^1] != '_') name.Append('_');
        }
        var text = name.ToString().Trim('_');
        if (text.Length > 40) text = text[..40].TrimEnd('_');
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "password" : text;
    }

    /// <summary>The environment variable a recorded secret is read from by default: <c>NAME</c> in upper case.</summary>
    public static string EnvironmentVariableFor(string name) => (name ?? throw new ArgumentNullException(nameof(name))).ToUpperInvariant();
}
