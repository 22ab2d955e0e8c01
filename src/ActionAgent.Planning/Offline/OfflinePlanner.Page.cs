using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

public sealed partial class OfflinePlanner
{
    private static readonly string[] ContainerRoles = ["dialog", "alertdialog", "region", "complementary", "banner", "contentinfo", "generic", "group"];

    /// <summary>A cookie or consent banner in the way: press its accept button (once per banner).</summary>
    private async Task<PlanDecision?> DismissInterstitialAsync(PageModel page, CancellationToken cancellationToken)
    {
        // A goal about the banner itself ("refuse the optional cookies") makes the choice: never accept on its behalf.
        if (_run.Search?.SubGoals.Any(g => ConsentWords().IsMatch(g.Text)) == true) return null;
        foreach (var container in page.All.Where(n => ContainerRoles.Contains(n.Role)))
        {
            var buttons = container.DescendantsAndSelf().Where(n => n.Role is "button" or "link" && !n.IsDisabled).ToList();
            if (buttons.Count is 0 or > 6) continue;
            var text = container.InnerText();
            if (text.Length > 600 || !ConsentWords().IsMatch(text)) continue;
            // The smallest container that holds the banner: skip one whose child already qualifies.
            if (container.Children.Any(c => ContainerRoles.Contains(c.Role) && ConsentWords().IsMatch(c.InnerText()) &&
                c.DescendantsAndSelf().Count(n => n.Role is "button") == buttons.Count(b => b.Role == "button") && buttons.Count > 0 &&
                c.DescendantsAndSelf().Any(n => n.Role == "button"))) continue;
            var key = "consent:" + string.Join("|", buttons.Select(b => b.Name));
            if (_run.DismissedInterstitials.Contains(key + "#2")) continue;
            var ranked = await _scorer.RankAsync("accept or allow all cookies: accept, allow, agree, OK, got it", ActionKind.Click,
                buttons.Where(b => b.Role == "button"), cancellationToken).ConfigureAwait(false);
            if (ranked.Count == 0 || ranked[0].Score < 0.3) continue;
            _run.DismissedInterstitials.Add(_run.DismissedInterstitials.Contains(key) ? key + "#2" : key);
            var step = Step(ActionKind.Click, ranked[0].Node, null, "dismiss the cookie banner", "the button that accepts cookies");
            return PlanDecision.Continue([step], $"a cookie banner is in the way; {ranked[0].Explain()}");
        }
        return null;
    }

    /// <summary>A busy indicator (a progress bar, "Searching…", "Processing payment…"): wait until it is gone.</summary>
    private PlanDecision? WaitWhileBusy(PageModel page)
    {
        var progress = page.All.FirstOrDefault(n => n.Role == "progressbar" && n.IsOnScreen);
        const string NoProgressBar = "body:not(:has([role=progressbar]:visible))";
        if (progress is not null && !_run.IgnoredWaits.Contains(NoProgressBar))
        {
            return PlanDecision.Continue([WaitUntilGone(NoProgressBar, "wait while the page is busy")],
                $"the page shows a progress bar ({progress.Name})");
        }
        var busy = page.All.FirstOrDefault(n => n.IsOnScreen && n.Role is "status" or "paragraph" or "heading" or "button" or "text" or "generic" or "alert"
            && BusyText(n) is not null);
        if (busy is null) return null;
        var text = BusyText(busy)!;
        var css = $"body:not(:has(:text-is(\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"):visible))";
        if (_run.IgnoredWaits.Contains(css)) return null;
        return PlanDecision.Continue([WaitUntilGone(css, $"wait until \"{text}\" is gone")], $"the page is busy: \"{text}\"");
    }

    private static string? BusyText(PageNode node)
    {
        // The node's own words (its name, or its text when it has no element children).
        var own = node.Name.Length > 0 ? node.Name : node.Children.Count == 0 ? node.Value ?? "" : "";
        if (own.Length is 0 or > 60) return null;
        return BusyWords().IsMatch(own) ? own : null;
    }

    private PlanStep WaitUntilGone(string css, string description) => new()
    {
        Action = ActionKind.WaitFor,
        Target = new ElementTarget { Css = css, Description = description },
        Description = description,
        Timeout = _options.WaitTimeout,
        Origin = Name,
    };

    /// <summary>A short pause for a page that is still changing: the engine observes again after it.</summary>
    private PlanDecision? Pause(string why)
    {
        if (++_run.Waits > _options.MaxWaitsPerStep) return null;
        var step = new PlanStep
        {
            Action = ActionKind.WaitFor,
            Target = new ElementTarget { Css = "body", Description = "the page" },
            Description = $"wait for the page ({why})",
            Timeout = TimeSpan.FromSeconds(2),
            Origin = Name,
        };
        return PlanDecision.Continue([step], why);
    }

    /// <summary>Waits for the first option of an opened list (autocomplete suggestions, a custom dropdown).</summary>
    private PlanStep WaitForOptions(string description) => new()
    {
        Action = ActionKind.WaitFor,
        Target = new ElementTarget { Css = "role=option >> nth=0", Description = "the first suggested option" },
        Description = description,
        Timeout = TimeSpan.FromSeconds(3),
        Origin = Name,
    };

    /// <summary>After a failed step: try another candidate, dismiss what blocks, or move on from a missing list.</summary>
    private async Task<PlanDecision?> RecoverAsync(StepFailure failure, PageModel page, CancellationToken cancellationToken)
    {
        var step = failure.Step;
        // Suggestions that never came: the typed text stands on its own (a plain text field).
        if (step.Action == ActionKind.WaitFor && step.Target?.Css?.StartsWith("role=option", StringComparison.Ordinal) == true)
        {
            if (_run.ActiveFieldKey is not null) _run.UsedFields.Add(_run.ActiveFieldKey);
            _run.Advance();
            return null;
        }
        if (step.Action == ActionKind.WaitFor)
        {
            // A wait that ran out: do not wait on the same thing again, look at the page afresh.
            if (step.Target?.Css is { } css) _run.IgnoredWaits.Add(css);
            return null;
        }
        if (step.Action == ActionKind.Fill && _run.TypedDate is { } typed && failure.Kind is ActionFailureKind.NotActionable or ActionFailureKind.Timeout)
        {
            // A date field that refuses typing (read-only): open its calendar and choose the day there.
            _run.TypedDate = null;
            _run.CalendarDate = typed;
            _run.CalendarMoves = 0;
            var openers = await _scorer.RankAsync("open the calendar to choose the date: calendar, choose a date, date picker", ActionKind.Click,
                page.All.Where(n => n.Role == "button" && !n.Node.IsDisabled), cancellationToken).ConfigureAwait(false);
            var open = openers.Count > 0 && openers[0].Score >= 0.3
                ? Step(ActionKind.Click, openers[0].Node, null, "open the calendar")
                : step with { Action = ActionKind.Click, Value = null, Description = "open the date field's calendar" };
            return PlanDecision.Continue([open], "the date field cannot be typed into: choose the date on its calendar");
        }
        if (failure.Reason.Contains("intercepts pointer events", StringComparison.OrdinalIgnoreCase))
        {
            var blocking = page.All.FirstOrDefault(n => n.Role is "dialog" or "alertdialog");
            if (blocking is not null)
            {
                var close = await _scorer.RankAsync("close or dismiss this dialog: close, no thanks, cancel, ×", ActionKind.Click,
                    blocking.DescendantsAndSelf().Where(n => n.Role == "button"), cancellationToken).ConfigureAwait(false);
                if (close.Count > 0 && close[0].Score >= 0.3)
                {
                    return PlanDecision.Continue([Step(ActionKind.Click, close[0].Node, null, "close the dialog in the way")], "a dialog blocks the page");
                }
            }
            return PlanDecision.Continue([new PlanStep { Action = ActionKind.Press, Value = "Escape", Description = "close what is in the way", Origin = Name }],
                "something covers the element");
        }
        // Go back to the step that failed and try it again with the failed element left out.
        if (_run.Skill is not null && _run.Index != _run.LastIndex)
        {
            var attempts = _run.Attempts;
            _run.Index = _run.LastIndex;
            _run.Phase = _run.LastPhase;
            _run.Attempts = attempts;
        }
        if (step.Target?.Ref is { } failedRef) _run.Excluded.Add(failedRef);
        if (step.Target?.Name is { } failedName) _run.Excluded.Add(failedName);
        if (++_run.Attempts > 2) return PlanDecision.GiveUp($"\"{step.Description}\" failed {_run.Attempts} times: {failure.Reason}");
        return null;
    }

    /// <summary>On an open calendar: click the day, or turn to the next month until it shows.</summary>
    private async Task<PlanDecision> PickFromCalendarAsync(DateOnly day, PageModel page, CancellationToken cancellationToken)
    {
        var clickable = page.All.Where(n => n.Role is "button" or "gridcell" or "link" or "option" && !n.Node.IsDisabled).ToList();
        var match = clickable.FirstOrDefault(n => NamesDate(n.Name, day));
        if (match is not null)
        {
            _run.CalendarDate = null;
            var label = day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            return PlanDecision.Continue([Step(ActionKind.Click, match, null, $"choose {label} on the calendar")], $"the calendar shows {label}");
        }
        if (++_run.CalendarMoves > 24)
        {
            return PlanDecision.GiveUp($"The calendar never showed {day:yyyy-MM-dd} after turning {_run.CalendarMoves - 1} months.");
        }
        var next = await _scorer.RankAsync("the next month: next month, forward, later", ActionKind.Click, clickable, cancellationToken).ConfigureAwait(false);
        if (next.Count == 0 || next[0].Score < 0.3)
        {
            _run.CalendarDate = null;
            return PlanDecision.GiveUp($"No day button for {day:yyyy-MM-dd} and no way to the next month on the calendar.");
        }
        return PlanDecision.Continue([Step(ActionKind.Click, next[0].Node, null, "turn the calendar to the next month")], "the day is not on this month's page");
    }

    // A day button's name: the day number as a word, the month by name (or number), and the year when one is written.
    private static bool NamesDate(string name, DateOnly day)
    {
        var words = TextTokens.Words(name).ToList();
        var hasDay = words.Any(w => w.TrimEnd('s', 't', 'n', 'd', 'r', 'h') == day.Day.ToString(CultureInfo.InvariantCulture));
        var hasMonth = words.Any(w => DateExpressionParser.MonthOf(w) == day.Month);
        var years = words.Where(w => w.Length == 4 && w.All(char.IsDigit)).ToList();
        return hasDay && hasMonth && (years.Count == 0 || years.Contains(day.Year.ToString(CultureInfo.InvariantCulture)));
    }

    private bool IsExcluded(PageNode node) =>
        (node.Node.Ref is { } r && _run.Excluded.Contains(r)) || (node.Name.Length > 0 && _run.Excluded.Contains(node.Name));

    [GeneratedRegex(@"\b(?:cookies?|consent|privacy|gdpr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentWords();

    // "Loading…", "Saving changes…", "Please wait": a short text that says the page works. A sentence cut short with an
    // ellipsis ("Revenue grew 4% in the quarter…") is no busy sign.
    [GeneratedRegex(@"^\s*\p{L}+ing\b[^.!?]{0,30}(?:…|\.\.\.)\s*$|^\s*(?:loading|searching|processing|please wait|looking for|one moment|just a moment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BusyWords();
}
