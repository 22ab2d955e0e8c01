using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Policy;

/// <summary>
/// Says what a step would do that a person may want to approve (pay, delete, send, sign out everywhere…), from the
/// step itself: its target's role and name, its description and its tags. The planner's tags are one input among
/// others, so an untagged "Pay" click is still a purchase.
/// </summary>
public static partial class RiskClassifier
{
    /// <summary>
    /// The categories and the words that mark them. A word matches a whole word of the step's text, and its
    /// inflections (pay, pays, paying; delete, deleted). Kept here, in one table, so it can be read and extended in one place.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Categories { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["purchase"] = ["pay", "buy", "purchase", "checkout", "check out", "book", "order", "place order", "subscribe", "confirm payment", "submit payment", "make payment", "donate", "transfer", "bid"],
        ["delete"] = ["delete", "remove", "erase", "destroy", "discard", "wipe", "purge", "uninstall", "close account", "deactivate"],
        ["send"] = ["send", "submit final", "final submit", "submit application", "publish", "post message", "post comment", "reply", "invite"],
        ["sign-out"] = ["sign out everywhere", "log out everywhere", "sign out of all", "log out of all", "revoke", "end all sessions"],
        ["account"] = ["change password", "reset password", "disable two-factor", "disable 2fa", "delete account"],
    };

    // Clicking into a field commits nothing, whatever its label says ("Order number", "Delete after (days)").
    private static readonly HashSet<string> FieldRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "textbox", "searchbox", "combobox", "spinbutton", "checkbox", "radio", "slider", "heading", "tab", "img",
    };

    /// <summary>Actions that only look or fill in: risky only through the click or Enter that commits them.</summary>
    private static readonly HashSet<ActionKind> Passive =
    [
        ActionKind.Goto, ActionKind.Hover, ActionKind.Scroll, ActionKind.WaitFor, ActionKind.Extract, ActionKind.Assert,
        ActionKind.Fill, ActionKind.Type, ActionKind.Select, ActionKind.Check, ActionKind.Uncheck,
    ];

    /// <summary>The risk categories of a step (empty when it is not risky). Tags the planner set are included.</summary>
    public static IReadOnlyList<string> Classify(PlanStep step, string? subGoal = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        var found = new List<string>(step.Tags.Select(t => t.ToLowerInvariant()));
        if ((!Passive.Contains(step.Action) || IsEnterPress(step)) && !FieldRoles.Contains(step.Target?.Role ?? ""))
        {
            var text = string.Join(" | ", new[]
            {
                step.Target?.Name, step.Target?.Text, step.Target?.Label, step.Target?.Description, step.Target?.TestId,
                step.Description, subGoal,
            }.Where(t => !string.IsNullOrWhiteSpace(t)));
            foreach (var (category, words) in Categories)
            {
                if (words.Any(w => ContainsWord(text, w))) found.Add(category);
            }
        }
        return [.. found.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // Enter in a field submits its form, as a click on its button would.
    private static bool IsEnterPress(PlanStep step) =>
        step.Action == ActionKind.Press && string.Equals(step.Value?.Trim(), "Enter", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsWord(string text, string word)
    {
        // Words split on case changes and separators ("PayNow", "pay-now", "pay_now" all contain "pay").
        var spaced = CaseBoundary().Replace(text, " ").ToLowerInvariant();
        spaced = Separators().Replace(spaced, " ");
        var pattern = @"(?<![a-z0-9])" + Regex.Escape(word).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"(s|es|ed|d|ing)?(?![a-z0-9])";
        return Regex.IsMatch(spaced, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CaseBoundary();

    [GeneratedRegex(@"[_\-./]+")]
    private static partial Regex Separators();
}
