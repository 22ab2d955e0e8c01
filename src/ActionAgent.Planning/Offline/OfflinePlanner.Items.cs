using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline;

// Which item a sub-goal names: a quoted value ("Remove the item "old shoes""), else for a removal or a toggle the
// item its effect is about ("Remove the tea towel from the cart" → "tea towel").
public sealed partial class OfflinePlanner
{
    private static string? NamedItem(SubGoal goal)
    {
        // A format ("as a PDF") says how, not which.
        if (goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Text && !v.IsException && v.Label != "format")?.Text is { } quoted) return quoted;
        if (goal.Family is ActionFamily.Remove && goal.Effect.Value is { Length: > 0 } item) return item;
        // "Open order #10440": a number the goal ties to a kind of thing names one item.
        if (goal.Family is ActionFamily.Activate or ActionFamily.Navigate && goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Number && v.Label is { Length: > 0 }) is { } number)
        {
            return number.Text;
        }
        // "Download the photo bridge.jpg": a file name names one item.
        if (goal.Family is ActionFamily.Read && FileNames(goal.Object).FirstOrDefault() is { } file) return file;
        if (goal.Family is ActionFamily.Remove or ActionFamily.Toggle && goal.Effect.Subject is { Length: > 0 } subject && goal.Qualifiers.Quantity == Quantity.One &&
            goal.Qualifiers.Ordinal is null && goal.Qualifiers.Ordering is null) return subject;
        return null;
    }

    /// <summary>Whether the scope has a name (a capitalised word, a number, an @handle) that the page does not show anywhere.</summary>
    private static bool NamesAbsent(string scope, PageModel page)
    {
        var names = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '“', '”', ',', '.', '\''))
            .Where(w => w.Length > 1 && (char.IsUpper(w[0]) || w.Any(char.IsDigit) || w[0] == '@'))
            .SelectMany(TextTokens.Words)
            .Where(w => !ContainerNouns.Contains(w))
            .ToList();
        if (names.Count == 0) return false;
        var shown = page.All.SelectMany(n => TextTokens.Words(n.Name + " " + n.Value)).ToHashSet(StringComparer.Ordinal);
        return names.Any(n => !shown.Contains(n));
    }

    /// <summary>Whether the sub-goal names an item that the page does not show (on another page, behind "load more").</summary>
    private static bool NamedItemMissing(SubGoal goal, PageModel page) =>
        goal.Family is ActionFamily.Remove or ActionFamily.Activate or ActionFamily.Navigate or ActionFamily.Toggle &&
        (goal.Family != ActionFamily.Toggle || goal.Values.Any(v => v.Kind == GoalValueKind.Text)) &&
        NamedItem(goal) is { } named && !page.All.Any(n => n.IsOnScreen && Contains(n.Name + " " + n.Value, named));

    /// <summary>
    /// The scope's distinctive words; a word no container holds ("the Basic plan" on a card that says only "Basic",
    /// "the email from Maria about the photos") does not rule the others out, as long as a word other than a number is left.
    /// </summary>
    private static HashSet<string> ScopeWords(string? scope, PageModel page)
    {
        var wanted = DistinctWords(scope);
        if (wanted.Count < 2) return wanted;
        var containers = page.Containers.ToList();
        var held = wanted.Where(w => containers.Any(c => Covers(c, [w]))).ToHashSet(StringComparer.Ordinal);
        return held.Count > 0 && held.Count < wanted.Count && held.Any(w => !w.All(char.IsDigit)) ? held : wanted;
    }
}
