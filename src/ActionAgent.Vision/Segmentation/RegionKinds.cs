namespace ActionAgent.Vision.Segmentation;

/// <summary>The kinds of region the segmenter tells apart.</summary>
public static class RegionKinds
{
    /// <summary>A filled or outlined box with centred text: something to press.</summary>
    public const string Button = "button";

    /// <summary>An outlined box, empty or with left-aligned text: something to type into.</summary>
    public const string Field = "field";

    /// <summary>A small square box: an icon button, a checkbox.</summary>
    public const string Icon = "icon";

    /// <summary>A line of text outside any box: a label, a link, a message.</summary>
    public const string Text = "text";

    /// <summary>Whether the kind is something a person would click or type into.</summary>
    public static bool IsControl(string kind) => kind is Button or Field or Icon;
}
