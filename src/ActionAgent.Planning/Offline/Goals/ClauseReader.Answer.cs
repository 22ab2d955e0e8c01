using System.Text.RegularExpressions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

// Questionnaires: "In the survey, answer "No" to "Would you recommend us?"" opens with where the whole goal happens,
// then answers a question by choosing one of its options.
internal sealed partial class ClauseReader
{
    /// <summary>
    /// A first clause that is only a place ("In the survey", "Inside the payment form", "On the settings page"): where
    /// the clauses after it happen, not a control to press. Null for anything else.
    /// </summary>
    public static string? WholeGoalScope(string clause) =>
        WholeGoalScopePattern().Match(clause.Trim()) is { Success: true } m ? m.Groups["p"].Value.Trim() : null;

    /// <summary>
    /// "answer "No" to "Would you recommend us?"": the quoted answer is the option to choose, the question is the group
    /// (or field) it belongs to. Null for other answers ("answer the phone").
    /// </summary>
    private IReadOnlyList<SubGoal>? Answer(Context c)
    {
        if (!c.Verb.Equals("answer", StringComparison.OrdinalIgnoreCase)) return null;
        if (AnswerPattern().Match(c.Rest) is not { Success: true } m) return null;
        var question = m.Groups["q"].Value.Trim();
        var answer = new GoalValue(GoalValueKind.Text, m.Groups["a"].Value, question);
        return [Make(c, ActionFamily.Choose, question, [answer], GoalQualifiers.None, null, new(EffectKind.Selected, question, answer.Text))];
    }

    [GeneratedRegex(@"^(?:in|inside|within|on)\s+(?:the\s+|this\s+|my\s+|your\s+)?(?<p>[A-Za-z][\w\- ]{0,40}?)\s*[,:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeGoalScopePattern();

    [GeneratedRegex(@"^[""“](?<a>[^""”]+)[""”]\s+(?:to|for)\s+(?:the\s+question\s+)?[""“]?(?<q>[^""”]+?)[""”]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPattern();
}
