namespace ActionAgent.Core.Actions;

/// <summary>The kinds of action a step can take on a UI.</summary>
public enum ActionKind
{
    /// <summary>Navigate to a URL (absolute, or relative to the app's start URL).</summary>
    Goto,
    /// <summary>Click an element.</summary>
    Click,
    /// <summary>Replace the value of a text field.</summary>
    Fill,
    /// <summary>Type text key by key into an element (autocomplete fields react to this).</summary>
    Type,
    /// <summary>Choose an option of a select or listbox.</summary>
    Select,
    /// <summary>Tick a checkbox or choose a radio button.</summary>
    Check,
    /// <summary>Untick a checkbox.</summary>
    Uncheck,
    /// <summary>Press a key or chord (for example <c>Enter</c>, <c>Control+A</c>).</summary>
    Press,
    /// <summary>Move the pointer over an element.</summary>
    Hover,
    /// <summary>Scroll an element into view, or the page by a direction.</summary>
    Scroll,
    /// <summary>Wait until an element or text is visible.</summary>
    WaitFor,
    /// <summary>Read an element's text into a run variable.</summary>
    Extract,
    /// <summary>Check that an element or text is present; fails the step otherwise.</summary>
    Assert,
    /// <summary>Drag an element (the target) and drop it on another (<see cref="PlanStep.DropTarget"/>).</summary>
    Drag,
}
