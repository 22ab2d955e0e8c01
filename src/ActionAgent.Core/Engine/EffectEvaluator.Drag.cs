using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// A drag is proven only by where the item is afterwards: inside the place it was dragged to (and not there before), or
// first or last among its list's items (and not so before). A screen that changed, or an item that shows up anywhere,
// proves nothing about a drop.
public static partial class EffectEvaluator
{
    private static EffectEvidence Moved(string? item, string? destination, UiObservation before, UiObservation after)
    {
        if (string.IsNullOrWhiteSpace(item) || string.IsNullOrWhiteSpace(destination)) return new(false, "the goal names no item or no place to drag it to");
        var place = DropPlaces.Parse(destination);
        var items = DropPlaces.FindItems(after.Nodes, item);
        if (items.Count == 0) return new(false, $"\"{item}\" does not show on the page");
        if (place.Position == DropPosition.Inside)
        {
            var places = DropPlaces.FindPlaces(after.Nodes, place.Place);
            if (places.Count == 0) return new(false, $"nothing on the page is called \"{destination}\"");
            var holder = places.FirstOrDefault(p => items.Any(i => !ReferenceEquals(i, p) && DropPlaces.IsInside(i, p)));
            if (holder is null) return new(false, $"\"{item}\" is not inside {Describe(places[0])}");
            var wasThere = DropPlaces.FindPlaces(before.Nodes, place.Place)
                .Any(p => DropPlaces.FindItems([p], item).Any(i => !ReferenceEquals(i, p)));
            return wasThere
                ? new(false, $"\"{item}\" was inside {Describe(holder)} before the drag too")
                : new(true, $"\"{item}\" is now inside {Describe(holder)}");
        }
        var first = place.Position == DropPosition.First;
        var word = first ? "first" : "last";
        var now = items.Select(i => (Item: i, List: DropPlaces.Siblings(after.Nodes, i))).FirstOrDefault(x => x.List.Count > 1);
        if (now.List is null) return new(false, $"\"{item}\" is in no list of several items");
        if (place.Place.Length > 0 && DropPlaces.FindPlaces(after.Nodes, place.Place) is { Count: > 0 } named && !named.Any(p => DropPlaces.IsInside(now.Item, p)))
        {
            return new(false, $"\"{item}\" is not inside {Describe(named[0])}");
        }
        var at = first ? now.List[0] : now.List[^1];
        if (!ReferenceEquals(at, now.Item)) return new(false, $"\"{item}\" is not {word} in its list: {Describe(at)} \"{at.InnerText()}\" is");
        var was = DropPlaces.FindItems(before.Nodes, item).Select(i => DropPlaces.Siblings(before.Nodes, i)).FirstOrDefault(l => l.Count > 1);
        var wasAt = was is null ? null : first ? was[0] : was[^1];
        if (wasAt is not null && Normalise(wasAt.InnerText()) == Normalise(item)) return new(false, $"\"{item}\" was {word} in its list before the drag too");
        return new(true, $"\"{item}\" is now {word} of {now.List.Count} items in its list");
    }
}
