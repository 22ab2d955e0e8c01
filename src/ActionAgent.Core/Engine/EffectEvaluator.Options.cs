using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// A word of the goal can pick an option without a verb of choosing: "Sign up for the monthly newsletter" on a page
// that offers Daily, Weekly and Monthly asks for Monthly as much as "choose monthly" would. Such an option must be the
// chosen one when the run ends.
public static partial class EffectEvaluator
{
    private static readonly HashSet<string> ChoiceGroupRoles = new(StringComparer.Ordinal)
    {
        "group", "radiogroup", "form", "region", "dialog", "list", "menu", "fieldset",
    };

    /// <summary>
    /// An option that exactly one word of the sub-goal picks out of a group of choices on the page (radios in a
    /// group, a list's options) and that is not the chosen one on the final screen; null when there is none.
    /// </summary>
    /// <param name="goal">The sub-goal (its object, scope and expected subject are read).</param>
    /// <param name="final">The screen when the planner says it is done.</param>
    /// <returns>What the screen shows instead, for the failure message; null when every option the words pick is chosen.</returns>
    public static string? UnchosenOption(SubGoal goal, UiObservation final)
    {
        if (OptionNamedByGoal(goal, final) is not { } named) return null;
        var current = named.Group.Options.FirstOrDefault(IsOn)?.Name ?? named.Group.Owner?.Value;
        return $"the goal says \"{named.Word}\" and the page offers {Describe(named.Option)}, but it is not chosen (chosen: {(string.IsNullOrEmpty(current) ? "nothing" : $"\"{current}\"")})";
    }

    /// <summary>
    /// The option of a group of choices that exactly one word of the sub-goal picks out ("monthly" → "Monthly digest")
    /// and that is not chosen on this screen; null when there is none. The offline planner chooses it before a submit.
    /// </summary>
    /// <param name="goal">The sub-goal (its object, scope and expected subject are read).</param>
    /// <param name="screen">The screen.</param>
    /// <returns>The option's node (with its reference), or null.</returns>
    public static UiNode? UnchosenOptionNode(SubGoal goal, UiObservation screen) => OptionNamedByGoal(goal, screen)?.Option;

    private static (UiNode Option, string Word, (UiNode? Owner, List<UiNode> Options) Group)? OptionNamedByGoal(SubGoal goal, UiObservation final)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(final);
        if (goal.Family is ActionFamily.Choose or ActionFamily.EnterText) return null; // their own effect checks the value
        var values = goal.Values.SelectMany(v => Words(v.Text)).ToHashSet(StringComparer.Ordinal);
        var words = Words($"{goal.Object} {goal.Scope} {goal.Effect.Subject}")
            .Where(w => !Filler.Contains(w) && !ScopeFiller.Contains(w) && !values.Contains(w) && w.Length >= 3 && !w.All(char.IsDigit))
            .Select(Stem).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0) return null;
        foreach (var group in ChoiceGroups(final))
        {
            foreach (var word in words)
            {
                var picked = group.Options.Where(o => Words(o.Name).Select(Stem).Contains(word)).ToList();
                if (picked.Count != 1) continue;
                var option = picked[0];
                var chosen = IsOn(option) || (group.Owner is { } owner && SameValue(owner.Value, option.Name));
                if (!chosen) return (option, word, group);
            }
        }
        return null;
    }

    /// <summary>Radios that share a group, and the options of a list box or select (with the select, whose value shows the choice).</summary>
    private static IEnumerable<(UiNode? Owner, List<UiNode> Options)> ChoiceGroups(UiObservation screen)
    {
        var radios = new Dictionary<UiNode, List<UiNode>>(ReferenceEqualityComparer.Instance);
        var loose = new List<UiNode>();
        var path = new List<UiNode>();
        var selects = new List<(UiNode? Owner, List<UiNode> Options)>();
        foreach (var root in screen.Nodes) Walk(root);
        foreach (var group in radios.Values.Where(g => g.Count >= 2)) yield return (null, group);
        if (loose.Count >= 2) yield return (null, loose);
        foreach (var select in selects) yield return select;

        void Walk(UiNode node)
        {
            path.Add(node);
            if (node.Role is "radio" or "menuitemradio")
            {
                var owner = path.Take(path.Count - 1).LastOrDefault(a => ChoiceGroupRoles.Contains(a.Role));
                if (owner is null) loose.Add(node);
                else if (radios.TryGetValue(owner, out var list)) list.Add(node);
                else radios[owner] = [node];
            }
            if (node.Role is "combobox" or "listbox" && node.Children.Count(c => c.Role == "option") >= 2)
            {
                selects.Add((node.Role == "combobox" ? node : null, [.. node.Children.Where(c => c.Role == "option")]));
            }
            foreach (var child in node.Children) Walk(child);
            path.RemoveAt(path.Count - 1);
        }
    }
}
