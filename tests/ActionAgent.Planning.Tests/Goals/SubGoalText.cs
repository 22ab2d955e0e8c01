using System.Globalization;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Tests.Goals;

/// <summary>
/// One line per sub-goal, so a test states the whole reading it expects: family (* when implied), object, values
/// with kind and label, qualifiers, scope, destination and the expected effect with its value.
/// <c>Toggle* 'rules' [Text:x@label] q(all #2 cheapest on) in(dialog) to(Done) =&gt; Checked(x)</c>.
/// </summary>
internal static class SubGoalText
{
    public static string Render(SubGoal s)
    {
        var text = $"{s.Family}{(s.Implied ? "*" : "")} '{s.Object}'";
        if (s.Values.Count > 0) text += " [" + string.Join(", ", s.Values.Select(v => v.Label is null ? $"{v.Kind}:{v.Text}" : $"{v.Kind}:{v.Text}@{v.Label}")) + "]";
        if (!s.Qualifiers.IsEmpty) text += $" q({Qualifiers(s.Qualifiers)})";
        if (s.Scope is not null) text += $" in({s.Scope})";
        if (s.Destination is not null) text += $" to({s.Destination})";
        text += $" => {s.Effect.Kind}";
        if (s.Effect.Value is not null) text += $"({s.Effect.Value})";
        return text;
    }

    private static string Qualifiers(GoalQualifiers q)
    {
        var parts = new List<string>();
        if (q.Quantity == Quantity.All) parts.Add("all");
        if (q.Quantity == Quantity.Count) parts.Add($"count {q.Count}");
        if (q.Ordinal is { } n) parts.Add("#" + n.ToString(CultureInfo.InvariantCulture));
        if (q.Ordering is { } o) parts.Add(o);
        if (q.DesiredState is { } on) parts.Add(on ? "on" : "off");
        return string.Join(' ', parts);
    }
}
