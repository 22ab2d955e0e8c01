using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// "Choose the cheapest plan": the step must have acted in the item with the lowest price among its siblings. A screen
// that moved on after a press in a pricier card is not the goal's effect.
public static partial class EffectEvaluator
{
    /// <summary>
    /// For a sub-goal that picks one item by price ("the cheapest", "the most expensive"), the item the step acted in
    /// (the nearest box around the element that shows one price) has the lowest (or highest) price of the boxes beside
    /// it that show one. Null when the goal orders by nothing priced, or the screen does not let it be told.
    /// </summary>
    private static EffectEvidence? PricedExtreme(SubGoal goal, EffectStep? step)
    {
        if (step?.Step.Target is not { } target || goal.Qualifiers.Ordering is not { } ordering || goal.Qualifiers.Ordinal is not null ||
            goal.Qualifiers.Quantity != Quantity.One || !ActsOnItems(goal)) return null;
        var o = ordering.ToLowerInvariant();
        bool? lowest = o.Contains("cheap", StringComparison.Ordinal) || o.Contains("least expensive", StringComparison.Ordinal) || o.Contains("lowest", StringComparison.Ordinal) ? true
            : o.Contains("expensive", StringComparison.Ordinal) || o.Contains("highest", StringComparison.Ordinal) || o.Contains("priciest", StringComparison.Ordinal) ? false
            : null;
        if (lowest is null || PathTo(step.Before, target) is not { Count: > 1 } path) return null;
        for (var k = path.Count - 1; k > 0; k--)
        {
            if (Price(path[k]) is not { } own) continue;
            var siblings = path[k - 1].Children.Select(c => (Node: c, Price: Price(c))).Where(c => c.Price is not null).ToList();
            // "The cheapest kettle" beside a "kettle case (accessory)": where the titles tell kinds apart, only the kind asked for counts.
            if (Words(goal.Scope ?? goal.Object).LastOrDefault(w => w.Any(char.IsLetter)) is { } kind)
            {
                var ofKind = siblings.Where(c => Kind(c.Node) == Stem(kind)).ToList();
                if (ofKind.Count > 0 && ofKind.Count < siblings.Count && ofKind.Any(c => ReferenceEquals(c.Node, path[k]))) siblings = ofKind;
            }
            if (siblings.Count < 2) return null;
            var best = lowest.Value ? siblings.MinBy(c => c.Price) : siblings.MaxBy(c => c.Price);
            return own == best.Price
                ? new(true, $"the step acted in \"{Short(OwnText(path[k]))}\", the {(lowest.Value ? "lowest" : "highest")} price of the {siblings.Count} beside it ({own.ToString(CultureInfo.InvariantCulture)})")
                : new(false, $"the step acted in \"{Short(OwnText(path[k]))}\" ({own.ToString(CultureInfo.InvariantCulture)}), but \"{Short(OwnText(best.Node))}\" costs {(lowest.Value ? "less" : "more")} ({best.Price!.Value.ToString(CultureInfo.InvariantCulture)})");
        }
        return null;
    }

    /// <summary>What an item is, by the last word of its first text ("Nordic kettle" → kettle; "kettle case (accessory)" → case).</summary>
    private static string? Kind(UiNode item)
    {
        var first = item.DescendantsAndSelf().FirstOrDefault(n => n.Children.Count == 0 && n.Role is not ("button" or "link") && (n.Name + n.Value).Any(char.IsLetter));
        if (first is null) return null;
        var text = Regex.Replace(first.Name + " " + first.Value, @"\([^)]*\)", " ");
        return Words(text).LastOrDefault(w => w.Any(char.IsLetter)) is { } last ? Stem(last) : null;
    }

    /// <summary>The one price a node's text shows; null when it shows none or several.</summary>
    private static decimal? Price(UiNode node)
    {
        var matches = PriceText().Matches(node.InnerText());
        if (matches.Count != 1) return null;
        var digits = (matches[0].Groups["a"].Success ? matches[0].Groups["a"].Value : matches[0].Groups["b"].Value).Replace(',', '.');
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null;
    }

    [GeneratedRegex(@"[€$£]\s?(?<a>\d+(?:[.,]\d{1,2})?)|(?<b>\d+(?:[.,]\d{1,2})?)\s?(?:€|EUR|USD|GBP)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PriceText();
}
