using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Planning.Offline;

/// <summary>The action search's memory for one run: which sub-goal it works on, what it tried, what it acted on last.</summary>
internal sealed class SearchState(IReadOnlyList<SubGoal> subGoals)
{
    public IReadOnlyList<SubGoal> SubGoals { get; } = subGoals;

    /// <summary>The position (in <see cref="SubGoals"/>) of the sub-goal being worked on.</summary>
    public int Current { get; set; }

    /// <summary>The screen the search started on (a confirmation is judged against it).</summary>
    public UiObservation? Start { get; set; }

    /// <summary>The screen before the current sub-goal's first step: its effect is judged against it.</summary>
    public UiObservation? Baseline { get; set; }

    /// <summary>The candidate acted on last, whose effect the next call checks.</summary>
    public SearchAttempt? Pending { get; set; }

    /// <summary>The screen the pending step was planned on (the evidence rule finds the element it acted on there).</summary>
    public UiObservation? StepBefore { get; set; }

    /// <summary>Candidates tried for the current sub-goal (their effect did not show).</summary>
    public HashSet<string> Tried { get; } = new(StringComparer.Ordinal);

    /// <summary>Containers hovered or sections opened while looking for a hidden control.</summary>
    public HashSet<string> Revealed { get; } = new(StringComparer.Ordinal);

    /// <summary>Targets of a multi-target sub-goal already acted on and verified.</summary>
    public HashSet<string> DoneTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>The element each achieved sub-goal acted on last (by ref): "open its form" looks inside what "expand the question" opened.</summary>
    public Dictionary<int, string> ActedOn { get; } = [];

    /// <summary>Fields filled by this run (a later value goes to another field).</summary>
    public HashSet<string> FilledFields { get; } = new(StringComparer.Ordinal);

    /// <summary>The last text field filled (Enter commits it when there is no button).</summary>
    public PageNode? LastField { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// Whether the search opened, hovered or paged something for the current sub-goal: the engine may have credited that
    /// change of screen to it, so from then on only the planner's own check of its effect moves on.
    /// </summary>
    public bool Explored { get; set; }

    /// <summary>How many times the search pressed "load more" or "next page" for the current sub-goal.</summary>
    public int PagesTurned { get; set; }

    public int Waits { get; set; }

    /// <summary>How many times the search went on to a flow's next page ("Next") in this run.</summary>
    public int FlowSteps { get; set; }

    /// <summary>
    /// The sub-goal whose field the search opened itself ("Edit" in a row, "Reply" under a post): what is typed there
    /// is kept only once that editor's own save button takes it, unless a later sub-goal sends it.
    /// </summary>
    public int? OpenedEditor { get; set; }

    /// <summary>Sub-goals settled by an earlier one's evidence (the add a typing sub-goal was for showed without typing).</summary>
    public HashSet<int> Settled { get; } = [];

    public string? LastEvidence { get; set; }

    /// <summary>The item the search opened to find the file it offers (see <see cref="BeforeOpening"/>).</summary>
    public string? OpenedItem { get; set; }

    /// <summary>The controls that fetch a file that were on the page before <see cref="OpenedItem"/> was opened.</summary>
    public HashSet<string> BeforeOpening { get; } = new(StringComparer.Ordinal);

    public void Next()
    {
        Current++;
        Baseline = null;
        Pending = null;
        Tried.Clear();
        Revealed.Clear();
        DoneTargets.Clear();
        Attempts = 0;
        PagesTurned = 0;
        Explored = false;
        Waits = 0;
        LastEvidence = null;
        OpenedItem = null;
        BeforeOpening.Clear();
    }
}

/// <summary>An action the search took for a sub-goal, waiting for its effect to be checked.</summary>
/// <param name="Key">The candidate's key (not tried again when its effect does not show).</param>
/// <param name="Step">The step.</param>
/// <param name="Why">Why it was chosen.</param>
/// <param name="Undo">The step that takes it back when the effect does not show (uncheck, clear the field), when any.</param>
/// <param name="TargetKey">For multi-target sub-goals, which target this acted on.</param>
/// <param name="TargetText">The target item's text before the action (the item changes when the action took).</param>
/// <param name="FollowUps">How many follow-up steps (Enter after typing, the option after opening a list) were taken.</param>
/// <param name="NeedsOption">Typed into a combobox: the suggestion that names the value must be chosen before the effect counts.</param>
/// <param name="Saves">The press of an opened editor's save button for this typed value: it took when the value shows outside the fields.</param>
/// <param name="Then">Steps carried out right after <paramref name="Step"/>, before the effect is checked (the minute and AM/PM after the hour).</param>
internal sealed record SearchAttempt(string Key, PlanStep Step, string Why, PlanStep? Undo = null, string? TargetKey = null,
    string? TargetText = null, int FollowUps = 0, bool NeedsOption = false, string? Saves = null, IReadOnlyList<PlanStep>? Then = null);
