namespace ActionAgent.Core.Goals;

/// <summary>
/// What kind of thing a sub-goal does to the page. Verb synonyms map onto these (from a data file users can extend);
/// the family decides which elements fit and which effect proves the sub-goal was reached.
/// </summary>
public enum ActionFamily
{
    /// <summary>Press a button, link or other control (click, press, hit, open a link).</summary>
    Activate,
    /// <summary>Put text into a field (type, enter, fill in, write, put … on the list).</summary>
    EnterText,
    /// <summary>Choose an option of a select, dropdown, menu, radio group or tab (choose, select, pick … from …).</summary>
    Choose,
    /// <summary>Turn a checkbox, switch or toggle on or off (tick, check, untick, enable, agree to).</summary>
    Toggle,
    /// <summary>Pick one or more items of a collection by a criterion (the cheapest flight, the second task).</summary>
    Pick,
    /// <summary>Go to a page or URL (go to, open the URL, navigate, visit).</summary>
    Navigate,
    /// <summary>Open something collapsed or hidden (expand, open the panel, show more, reveal).</summary>
    Expand,
    /// <summary>Move the pointer over something to reveal what appears on hover.</summary>
    Hover,
    /// <summary>Drag something onto something else.</summary>
    Drag,
    /// <summary>Scroll a list or the page until something is in view.</summary>
    Scroll,
    /// <summary>Read or extract text, or download/export something (get, read, download).</summary>
    Read,
    /// <summary>Wait until something appears or disappears.</summary>
    Wait,
    /// <summary>Remove or delete an item (remove, delete, discard, clear).</summary>
    Remove,
    /// <summary>Send or submit a form that was filled (submit, send, sign in, search, save).</summary>
    Submit,
    /// <summary>Narrow what a list shows (only show …, filter by …).</summary>
    Filter,
}
