namespace ActionAgent.Core.Goals;

/// <summary>
/// The kinds of observable change that prove a sub-goal was reached. The engine checks them on the screen after the
/// steps that served the sub-goal; a run succeeds only when every sub-goal's effect was observed.
/// </summary>
public enum EffectKind
{
    /// <summary>Any visible change the action could cause (the weakest evidence; used when nothing more specific is known).</summary>
    ScreenChanged,
    /// <summary>A field holds the value (<see cref="ExpectedEffect.Value"/>).</summary>
    ValueSet,
    /// <summary>A checkbox, switch or radio is on.</summary>
    Checked,
    /// <summary>A checkbox, switch or radio is off.</summary>
    Unchecked,
    /// <summary>The chosen option is shown as selected or as the control's value.</summary>
    Selected,
    /// <summary>A new item with the text appeared in a list (a todo added, a comment posted).</summary>
    ItemAppeared,
    /// <summary>An item with the text is gone (deleted, removed).</summary>
    ItemDisappeared,
    /// <summary>A collapsed section, menu or panel is open.</summary>
    Expanded,
    /// <summary>A section, menu, popup or dialog closed.</summary>
    Closed,
    /// <summary>The URL, heading or main content changed (a navigation, a form submitted, results shown).</summary>
    Navigated,
    /// <summary>The list shows fewer or other items than before (a filter applied).</summary>
    ListChanged,
    /// <summary>Text is visible on the screen (<see cref="ExpectedEffect.Value"/>).</summary>
    TextVisible,
    /// <summary>A value was read into a variable, or a download started.</summary>
    ValueRead,
    /// <summary>Something became visible in the viewport (after a scroll or hover).</summary>
    Revealed,
    /// <summary>
    /// An item (<see cref="ExpectedEffect.Value"/>) now shows inside or at the place it was dragged to
    /// (<see cref="ExpectedEffect.Subject"/>: a column, a list, "the top of the list"), and did not before.
    /// </summary>
    Moved,
}
