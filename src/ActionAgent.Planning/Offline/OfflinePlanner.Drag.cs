using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Planning.Offline;

// Drag sub-goals ("Move the card X to Done", "Drag X to the top of the list"): the item is the node whose whole text is
// the item's name; the place is the container the destination names (by its accessible name or its caption), or, for
// "the top/bottom of the list", the first/last other item of the item's own list. The effect check (EffectKind.Moved)
// then looks for the item inside that place.
public sealed partial class OfflinePlanner
{
    private SearchAttempt? DragCandidate(SubGoal goal, PageModel page)
    {
        var s = _run.Search!;
        var itemName = goal.Effect.Value ?? goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Text)?.Text ?? goal.Object;
        var destination = goal.Destination ?? goal.Effect.Subject;
        if (string.IsNullOrWhiteSpace(itemName) || string.IsNullOrWhiteSpace(destination)) return null;
        var roots = page.Observation.Nodes;
        var items = DropPlaces.FindItems(roots, itemName);
        if (items.Count == 0) return null;
        var place = DropPlaces.Parse(destination);
        foreach (var item in items)
        {
            foreach (var (drop, why) in DropCandidates(roots, item, place))
            {
                var key = $"drag:{item.Ref}>{drop.Ref}";
                if (s.Tried.Contains(key)) continue;
                var step = new PlanStep
                {
                    Action = ActionKind.Drag,
                    Target = DragTarget(item, $"\"{itemName}\""),
                    DropTarget = DragTarget(drop, destination),
                    Description = goal.Text,
                    Origin = Name,
                };
                return new SearchAttempt(key, step, $"drag \"{itemName}\" [{item.Ref}] onto {why} [{drop.Ref}]");
            }
        }
        return null;
    }

    private static IEnumerable<(UiNode Drop, string Why)> DropCandidates(IReadOnlyList<UiNode> roots, UiNode item, DropDestination place)
    {
        if (place.Position == DropPosition.Inside)
        {
            foreach (var container in DropPlaces.FindPlaces(roots, place.Place).Where(p => !DropPlaces.IsInside(item, p) && !DropPlaces.IsInside(p, item)))
            {
                yield return (container, $"{container.Role} \"{(container.Name.Length > 0 ? container.Name : DropPlaces.Caption(container))}\"");
            }
            yield break;
        }
        var siblings = DropPlaces.Siblings(roots, item);
        if (siblings.Count < 2) yield break;
        var at = place.Position == DropPosition.First ? siblings[0] : siblings[^1];
        if (ReferenceEquals(at, item)) yield break; // already there: nothing to drag
        yield return (at, $"the {(place.Position == DropPosition.First ? "first" : "last")} item \"{at.InnerText()}\"");
    }

    private static ElementTarget DragTarget(UiNode node, string description) => new()
    {
        Ref = node.Ref,
        // A role without a name singles out nothing in a list of items of that role: the item's text does.
        Role = node.Role is "generic" or "text" or "paragraph" || node.Name.Length == 0 ? null : node.Role,
        Name = node.Name.Length > 0 ? node.Name : null,
        Text = node.Name.Length == 0 && node.Value is { Length: > 0 } text ? text : null,
        Exact = true,
        Description = description,
    };
}
