using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Replay;

/// <summary>
/// The locators replay uses for a recorded step. The <b>primary</b> locator is the step's first layer: the target the
/// run asked for and resolved (a scenario's <c>role button "Search flights"</c>), or, when that was only a description
/// or a snapshot ref, the first layer of the element as recorded. The <b>full</b> target is the element as recorded in
/// every layer (role+name, label, placeholder, text, CSS, XPath, the desktop accessibility path, box), walked in that order when the primary fails.
/// </summary>
public static class ReplayTargets
{
    /// <summary>The layer names, in the order drivers walk them.</summary>
    public static IReadOnlyList<string> LayerOrder { get; } = ["testid", "role", "name", "label", "placeholder", "text", "css", "xpath", "path", "box"];

    // Names and texts are cut at 80 characters by the describer: such a value cannot match exactly.
    private const int TruncatedLength = 80;

    /// <summary>The step's first locator, alone; null for steps without a target (goto, press on the page).</summary>
    public static ElementTarget? Primary(StepRecord step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.RequestedTarget is { } requested)
        {
            var concrete = requested with { Ref = null, Description = null, AccessibilityPath = null };
            if (!concrete.IsSemanticOnly && FirstLayer(concrete) is { } layer) return Only(concrete, layer);
        }
        return Full(step) is { } full && FirstLayer(full) is { } first ? Only(full, first) : null;
    }

    /// <summary>The element as recorded, in every usable layer, with exact name matching; null when nothing was recorded.</summary>
    public static ElementTarget? Full(StepRecord step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Layers(step.Target ?? step.RequestedTarget, string.Equals(step.Action, "extract", StringComparison.Ordinal));
    }

    /// <summary>For a drag step: where it dropped, as recorded in every usable layer; null when nothing was recorded.</summary>
    public static ElementTarget? Drop(StepRecord step)
    {
        ArgumentNullException.ThrowIfNull(step);
        // A role without a name (one of many list items) would only be ambiguous before the layer that finds it.
        var drop = Layers(step.DropTarget ?? step.RequestedDropTarget, readsText: false);
        return drop is { Name: null, Role: not null } ? drop with { Role = null } : drop;
    }

    private static ElementTarget? Layers(ElementTarget? recorded, bool readsText)
    {
        if (recorded is null) return null;
        var full = recorded with { Ref = null, Description = null, Exact = true };
        // What an extract step reads is its output, not a way to find the element; long values were truncated.
        if (readsText || full.Text is { Length: >= TruncatedLength }) full = full with { Text = null };
        if (full.Name is { Length: >= TruncatedLength }) full = full with { Name = null, Role = null };
        if (full.Label is { Length: >= TruncatedLength }) full = full with { Label = null };
        return full.IsSemanticOnly ? null : full;
    }

    /// <summary>
    /// Whether the recorded element is the document itself (<c>html</c> or its <c>body</c>): what a wait for a condition on
    /// the whole page records as the element that met it. It is on every page, so finding it is no evidence of anything.
    /// </summary>
    internal static bool IsDocumentRoot(ElementTarget target) =>
        target.Css is "html" or "body" or "html > body" || target.XPath is "/html" or "/html/body";

    /// <summary>The first layer a target has, in <see cref="LayerOrder"/>.</summary>
    public static string? FirstLayer(ElementTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return LayerOrder.FirstOrDefault(layer => Has(target, layer));
    }

    /// <summary>Whether the target has the layer.</summary>
    public static bool Has(ElementTarget target, string layer)
    {
        ArgumentNullException.ThrowIfNull(target);
        return layer switch
        {
            "testid" => target.TestId is not null,
            "role" => target.Role is not null,
            "name" => target.Role is null && target.Name is not null,
            "label" => target.Label is not null,
            "placeholder" => target.Placeholder is not null,
            "text" => target.Text is not null,
            "css" => target.Css is not null,
            "xpath" => target.XPath is not null,
            "path" => target.AccessibilityPath is not null,
            "box" => target.Box is not null,
            "ref" => target.Ref is not null,
            _ => false,
        };
    }

    /// <summary>A target with only one layer of <paramref name="target"/> (and its exactness).</summary>
    public static ElementTarget Only(ElementTarget target, string layer)
    {
        ArgumentNullException.ThrowIfNull(target);
        var exact = target.Exact;
        var only = OnlyLayer(target, layer, exact);
        // A DOM layer of an element inside frames is looked up in those frames; coordinates are the page's own.
        return layer is "box" or "path" or "ref" || target.FramePath is null ? only : only with { FramePath = target.FramePath };
    }

    private static ElementTarget OnlyLayer(ElementTarget target, string layer, bool exact)
    {
        return layer switch
        {
            "testid" => new ElementTarget { TestId = target.TestId },
            "role" => new ElementTarget { Role = target.Role, Name = target.Name, Exact = exact },
            "name" => new ElementTarget { Name = target.Name, Exact = exact },
            "label" => new ElementTarget { Label = target.Label, Exact = exact },
            "placeholder" => new ElementTarget { Placeholder = target.Placeholder, Exact = exact },
            "text" => new ElementTarget { Text = target.Text, Exact = exact },
            "css" => new ElementTarget { Css = target.Css },
            "xpath" => new ElementTarget { XPath = target.XPath },
            "path" => new ElementTarget { AccessibilityPath = target.AccessibilityPath },
            "box" => new ElementTarget { Box = target.Box },
            "ref" => new ElementTarget { Ref = target.Ref },
            _ => target,
        };
    }

    /// <summary>One layer of a target as a person reads it: <c>role button "Search flights"</c>, <c>css #pay-button</c>.</summary>
    public static string Locator(ElementTarget target, string layer)
    {
        ArgumentNullException.ThrowIfNull(target);
        var locator = LayerLocator(target, layer);
        return target.FramePath is { Count: > 0 } frames && layer is not ("box" or "path" or "ref") ? $"{locator} in frame {string.Join(" > ", frames)}" : locator;
    }

    private static string LayerLocator(ElementTarget target, string layer)
    {
        return layer switch
        {
            "testid" => $"testid \"{target.TestId}\"",
            "role" => target.Name is null ? $"role {target.Role}" : $"role {target.Role} \"{target.Name}\"",
            "name" => $"name \"{target.Name}\"",
            "label" => $"label \"{target.Label}\"",
            "placeholder" => $"placeholder \"{target.Placeholder}\"",
            "text" => $"text \"{target.Text}\"",
            "css" => $"css {target.Css}",
            "xpath" => $"xpath {target.XPath}",
            "path" => $"path {target.AccessibilityPath}",
            "box" => string.Create(CultureInfo.InvariantCulture, $"box {target.Box}"),
            "ref" => $"ref {target.Ref}",
            _ => target.ToString(),
        };
    }

    /// <summary>The locator a healed step should have next time: the same kind of layer as the one that broke, read from the element found (or the layer that found it).</summary>
    public static ElementTarget Rebase(ElementTarget found, string brokenLayer, string foundBy)
    {
        ArgumentNullException.ThrowIfNull(found);
        var layer = Has(found, brokenLayer) ? brokenLayer : foundBy;
        return Only(found with { Exact = true }, layer);
    }
}
