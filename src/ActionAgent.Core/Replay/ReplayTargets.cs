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
        var recorded = step.Target ?? step.RequestedTarget;
        if (recorded is null) return null;
        var full = recorded with { Ref = null, Description = null, Exact = true };
        // What an extract step reads is its output, not a way to find the element; long values were truncated.
        if (string.Equals(step.Action, "extract", StringComparison.Ordinal) || full.Text is { Length: >= TruncatedLength }) full = full with { Text = null };
        if (full.Name is { Length: >= TruncatedLength }) full = full with { Name = null, Role = null };
        if (full.Label is { Length: >= TruncatedLength }) full = full with { Label = null };
        return full.IsSemanticOnly ? null : full;
    }

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
