using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// "Finish the setup" is not proven by reaching the next step of a wizard: while the page says it is on step N of M
// with N < M, the flow is not finished, however much the screen changed.
public static partial class EffectEvaluator
{
    private static readonly string[] FinishVerbs = ["finish", "complete", "finalise", "finalize", "wrap up", "done"];

    [GeneratedRegex(@"\bstep\s+(\d{1,2})\s*(?:of|/)\s*(\d{1,2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepOfPattern();

    private static EffectEvidence? UnfinishedFlow(SubGoal goal, UiObservation after)
    {
        if (goal.Family != ActionFamily.Submit) return null;
        var verb = (goal.Verb ?? FirstWord(goal.Text)).ToLowerInvariant();
        if (!FinishVerbs.Any(v => verb.StartsWith(v, StringComparison.Ordinal))) return null;
        // A stepper may show every step's label: the furthest step shown for a given count is where the flow is.
        var furthest = StepOfPattern().Matches(RawText(after))
            .Select(m => (At: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Of: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Text: m.Value))
            .Where(s => s.At >= 1 && s.At <= s.Of)
            .GroupBy(s => s.Of)
            .Select(g => g.MaxBy(s => s.At))
            .FirstOrDefault(s => s.At < s.Of);
        return furthest.Text is null ? null : new(false, $"the page says \"{furthest.Text}\": the flow is not finished");
    }
}
