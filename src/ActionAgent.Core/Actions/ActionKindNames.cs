namespace ActionAgent.Core.Actions;

/// <summary>The names actions have in scenario files and recordings (kebab-case).</summary>
public static class ActionKindNames
{
    private static readonly Dictionary<string, ActionKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["goto"] = ActionKind.Goto,
        ["click"] = ActionKind.Click,
        ["fill"] = ActionKind.Fill,
        ["type"] = ActionKind.Type,
        ["select"] = ActionKind.Select,
        ["check"] = ActionKind.Check,
        ["uncheck"] = ActionKind.Uncheck,
        ["press"] = ActionKind.Press,
        ["hover"] = ActionKind.Hover,
        ["scroll"] = ActionKind.Scroll,
        ["wait-for"] = ActionKind.WaitFor,
        ["extract"] = ActionKind.Extract,
        ["assert"] = ActionKind.Assert,
        ["drag"] = ActionKind.Drag,
    };

    /// <summary>Every action name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ByName.Keys];

    /// <summary>The file name of an action, such as <c>wait-for</c>.</summary>
    public static string ToName(this ActionKind kind) =>
        ByName.First(pair => pair.Value == kind).Key;

    /// <summary>Parses an action name; false when the name is not an action.</summary>
    public static bool TryParse(string name, out ActionKind kind) => ByName.TryGetValue(name, out kind);
}
