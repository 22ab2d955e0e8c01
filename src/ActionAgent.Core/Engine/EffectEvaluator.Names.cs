using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// A name the goal gives for a form ("Create an account for Ana Lopes …") has to end up somewhere: typed into a field
// or shown by the page. A form sent without it ("Account created.") is not the account the goal asked for.
public static partial class EffectEvaluator
{
    /// <summary>
    /// A name (capitalised words: "Ana Lopes") the sub-goal carries in its subject that was never typed by any step and
    /// does not show on the final screen, in text or in a field; null when there is none. Only for the commit of a form
    /// (a submit): the name is the form's content, not the control.
    /// </summary>
    /// <param name="goal">The sub-goal.</param>
    /// <param name="typed">The values the run's steps typed or chose.</param>
    /// <param name="final">The screen when the planner says it is done.</param>
    public static string? UnplacedName(SubGoal goal, IReadOnlyCollection<string> typed, UiObservation final)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(final);
        if (goal.Family != ActionFamily.Submit || string.IsNullOrWhiteSpace(goal.Effect.Subject)) return null;
        var shown = ContentText(final) + " | " + Normalise(string.Join(" | ", Fields(final).Select(f => f.Value)));
        foreach (var name in Names(goal.Effect.Subject))
        {
            var wanted = Normalise(name);
            if (typed.Any(t => Contains(t, name)) || Occurrences(shown, wanted) > 0) continue;
            return $"the goal names \"{name}\", but no step typed it and the page does not show it";
        }
        return null;
    }

    /// <summary>Runs of capitalised words ("Ana Lopes", "Port Louis"), not at the start of a sentence's filler.</summary>
    private static IEnumerable<string> Names(string text)
    {
        var run = new List<string>();
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(',', '.', ';', ':', '"', '\'', '(', ')');
            var capitalised = word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'') &&
                !ScopeFiller.Contains(word.ToLowerInvariant());
            if (capitalised)
            {
                run.Add(word);
                continue;
            }
            if (run.Count > 0) yield return string.Join(' ', run);
            run.Clear();
        }
        if (run.Count > 0) yield return string.Join(' ', run);
    }
}
