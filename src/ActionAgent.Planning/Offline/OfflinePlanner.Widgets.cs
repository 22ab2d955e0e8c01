using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;
using ActionAgent.Planning.Offline.Goals;

namespace ActionAgent.Planning.Offline;

// Values into widgets that are no plain text box: a list whose option is the value, the next empty field for a value
// the goal gives no field for, a spin button that only steps, a suggestion list under a combobox, a read-only date
// field set by its calendar, and controls that reveal the fields (a button that opens the form, a submenu).
public sealed partial class OfflinePlanner
{
    /// <summary>A native list (select) one of whose options is the value, ranked by the value's field words; null when none.</summary>
    private async Task<SearchAttempt?> OptionForValueAsync(SubGoal goal, GoalValue value, string description, List<PageNode> pool, CancellationToken cancellationToken)
    {
        if (value.Kind is not (GoalValueKind.Text or GoalValueKind.Number)) return null;
        var s = _run.Search!;
        var withOption = new List<(PageNode Select, PageNode Option)>();
        foreach (var select in pool.Where(n => n.Role is "combobox" or "listbox" && !n.IsDisabled && !s.Tried.Contains(CandidateKey(ActionKind.Select, n))))
        {
            var option = select.Children.Where(c => c.Role == "option").FirstOrDefault(o => SameOption(o.Name, value.Text));
            if (option is not null) withOption.Add((select, option));
        }
        if (withOption.Count == 0) return null;
        var ranked = await _scorer.RankAsync(description, ActionKind.Select, withOption.Select(w => w.Select), cancellationToken).ConfigureAwait(false);
        // A labelled value goes to a list only when that list fits its label; an unlabelled one to the first list that has it.
        var best = value.Label is null ? withOption[0].Select : ranked.FirstOrDefault(r => r.Score >= _options.MinimumScore)?.Node ?? (withOption.Count == 1 && value.Kind == GoalValueKind.Number ? withOption[0].Select : null);
        if (best is null) return null;
        var chosen = withOption.First(w => w.Select == best).Option;
        s.FilledFields.Add(KeyOf(best));
        return new SearchAttempt(CandidateKey(ActionKind.Select, best), SearchStep(ActionKind.Select, best, chosen.Name, goal.Text, description),
            $"the list {best} has the option \"{chosen.Name}\"");
    }

    private static bool HasAllWords(string text, string value)
    {
        var words = TextTokens.Content(value);
        var have = TextTokens.Content(text);
        return words.Count > 0 && words.All(have.Contains);
    }

    private static bool SameOption(string option, string value)
    {
        var a = option.Trim();
        var b = value.Trim();
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        return decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y) && x == y;
    }

    /// <summary>
    /// A value the goal names no field for ("the address 5 Main Street, Cork"): the first empty field, in page order,
    /// that fits its kind; optional fields and fields meant for another kind (email, password, search) are passed over.
    /// </summary>
    private SearchAttempt? NextEmptyField(SubGoal goal, GoalValue value, List<PageNode> pool)
    {
        var s = _run.Search!;
        var fields = pool.Where(n => n.Role is "textbox" or "spinbutton" or "combobox" && !n.IsDisabled && string.IsNullOrEmpty(n.Value)
                && !n.Children.Any(c => c.Role == "option") && !s.FilledFields.Contains(KeyOf(n)) && !s.Tried.Contains(CandidateKey(ActionKind.Fill, n)))
            .OrderBy(n => n.Order).ToList();
        var fitting = fields.Where(f => FitsKind(f, value)).ToList();
        // An optional field never gets a value the goal names no field for.
        var field = fitting.FirstOrDefault(f => !OptionalWords().IsMatch(f.Label()));
        if (field is null) return null;
        s.FilledFields.Add(KeyOf(field));
        s.LastField = field;
        var step = SearchStep(ActionKind.Fill, field, FormatForField(value, field), goal.Text, field.Label());
        return new SearchAttempt(CandidateKey(ActionKind.Fill, field), step, $"{field} is the next empty field for \"{value.Text}\"", Undo: step with { Value = "", Description = "clear the field" });
    }

    /// <summary>
    /// Whether a field whose label does not match the description could still be meant: not an optional field, not an
    /// email, password or phone field for a value of another kind, not a list for free text.
    /// </summary>
    private static bool Plausible(PageNode field, GoalValue value, string description)
    {
        var label = field.Label();
        if (OptionalWords().IsMatch(label) && !OptionalWords().IsMatch(description)) return false;
        if (field.Children.Any(c => c.Role == "option")) return false;
        if (PhoneWords().IsMatch(label) && value.Text.Any(char.IsLetter)) return false;
        if (OverWords(field, value)) return false;
        return FitsKind(field, value) || !(EmailWords().IsMatch(label) || SecretWords().IsMatch(label));
    }

    /// <summary>A time or a date typed over words a field already shows (an alarm's "Wake up" label, a city): never meant.</summary>
    private static bool OverWords(PageNode field, GoalValue value) =>
        value.Kind is GoalValueKind.Time or GoalValueKind.Date && field.Value is { Length: > 0 } shown &&
        ClauseValues.Classify(shown, null) is not (GoalValueKind.Time or GoalValueKind.Date or GoalValueKind.Number);

    /// <summary>
    /// "from 3 March to 5 March": the two dates of a range go into the page's two date fields in page order, whatever
    /// those are called ("Check-in"/"Check-out", "Arrival"/"Departure", "From"/"Until"). A label's words do not say
    /// which end of a range a field is ("departure" sounds like "from"), the order of the fields does. Null unless the
    /// goal has exactly two dates and the page exactly two fields that ask for a date.
    /// </summary>
    private SearchAttempt? RangeEndField(SubGoal goal, GoalValue value, List<PageNode> pool)
    {
        if (value.Kind != GoalValueKind.Date) return null;
        var s = _run.Search!;
        var dates = s.SubGoals.SelectMany(g => g.Values).Where(v => v.Kind == GoalValueKind.Date).ToList();
        var end = dates.IndexOf(value);
        if (dates.Count != 2 || end < 0 || dates[0] == dates[1]) return null;
        var fields = pool.Where(n => n.Role is "textbox" or "combobox" && !n.IsDisabled && !n.Children.Any(c => c.Role == "option") && AsksForDate(n))
            .OrderBy(n => n.Order).ToList();
        if (fields.Count != 2) return null;
        var field = fields[end];
        if (s.Tried.Contains(CandidateKey(ActionKind.Fill, field))) return null;
        s.FilledFields.Add(KeyOf(field));
        s.LastField = field;
        var step = SearchStep(ActionKind.Fill, field, FormatForField(value, field), goal.Text, field.Label());
        return new SearchAttempt(CandidateKey(ActionKind.Fill, field), step, $"{field} is the {(end == 0 ? "first" : "second")} of the page's two date fields, for the {(end == 0 ? "start" : "end")} of the range",
            Undo: step with { Value = "", Description = "clear the field" });
    }

    /// <summary>
    /// "Show only bikes up to 450 euros", "items under €50": a filter with a limit sets the field or slider that holds
    /// that limit (a "Maximum price" slider for "up to", a "Min" box for "at least"). Its apply button, if the form has
    /// one, is the follow-up (<see cref="ApplyButton"/>); the list or its count changing is the evidence.
    /// </summary>
    private async Task<SearchAttempt?> BoundFieldAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var bound = goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Number && v.Label is { } l && (UpperBoundWords().IsMatch(l) || LowerBoundWords().IsMatch(l)));
        if (bound is null) return null;
        var upper = UpperBoundWords().IsMatch(bound.Label!);
        var s = _run.Search!;
        var fields = pool.Where(n => n.Role is "slider" or "spinbutton" or "textbox" && !n.IsDisabled && n.IsOnScreen
            && !s.Tried.Contains(CandidateKey(ActionKind.Fill, n))
            && (upper ? UpperBoundWords() : LowerBoundWords()).IsMatch(n.Label())).ToList();
        if (fields.Count == 0) return null;
        var ranked = await _scorer.RankAsync($"{(upper ? "maximum" : "minimum")} {ObjectWords(goal)}", ActionKind.Fill, fields, cancellationToken).ConfigureAwait(false);
        if (ranked.Count == 0) return null;
        var field = ranked[0].Node;
        s.LastField = field;
        var step = SearchStep(ActionKind.Fill, field, bound.Text, goal.Text, field.Label());
        return new SearchAttempt(CandidateKey(ActionKind.Fill, field), step, $"{field} holds the {(upper ? "upper" : "lower")} limit \"{bound.Label} {bound.Text}\"");
    }

    /// <summary>The button that applies a form's settings ("Apply filters", "Show results", "Update"), nearest the field just set first.</summary>
    private static PageNode? ApplyButton(PageModel page, PlanStep step)
    {
        var buttons = page.All.Where(n => n.Role == "button" && n.IsOnScreen && !n.IsDisabled && ApplyWords().IsMatch(n.Name)).ToList();
        if (buttons.Count == 0) return null;
        var field = step.Target?.Ref is { } r ? page.All.FirstOrDefault(n => n.Node.Ref == r) : null;
        var near = field?.Ancestors().Select(a => buttons.FirstOrDefault(b => b.Ancestors().Contains(a))).FirstOrDefault(b => b is not null);
        return near ?? (buttons.Count == 1 ? buttons[0] : null);
    }

    private static bool IsItemNode(PageNode node) => node.Role is "article" or "listitem" or "row" or "treeitem";

    /// <summary>The save button of the editor a field belongs to: the nearest one around the field that says save, OK, update, ✓.</summary>
    private static PageNode? SaveButton(PageModel page, PlanStep step)
    {
        var field = step.Target?.Ref is { } r ? page.All.FirstOrDefault(n => n.Node.Ref == r) : null;
        if (field is null) return null;
        var buttons = page.All.Where(n => (n.Role == "button" || n.IsRolelessClickable) && n.IsOnScreen && !n.IsDisabled && SaveWords().IsMatch(n.Label())).ToList();
        return field.Ancestors().Select(a => buttons.FirstOrDefault(b => b.Ancestors().Contains(a))).FirstOrDefault(b => b is not null);
    }

    /// <summary>
    /// The value is in the field of an editor the search opened, and no later sub-goal sends it: press that editor's
    /// save button (or Enter when it has none), so the value is kept rather than left in an open editor.
    /// </summary>
    private SearchAttempt? SaveOpenedEditor(SubGoal goal, SearchAttempt pending, PageModel page)
    {
        var s = _run.Search!;
        if (goal.Family != ActionFamily.EnterText || s.OpenedEditor != goal.Index || pending.Saves is not null || pending.Step.Action is not (ActionKind.Fill or ActionKind.Type)) return null;
        // Only for the last value the goal gives: a later sub-goal that sends the form, or fills more of it, comes first.
        if (pending.Step.Value is not { Length: > 0 } typed ||
            s.SubGoals.Skip(s.Current + 1).Any(g => g.Family is ActionFamily.Submit or ActionFamily.EnterText or ActionFamily.Choose or ActionFamily.Toggle)) return null;
        var save = SaveButton(page, pending.Step);
        var step = save is null
            ? pending.Step with { Action = ActionKind.Press, Value = "Enter", Description = $"keep \"{typed}\"" }
            : SearchStep(ActionKind.Click, save, null, goal.Text, save.Label());
        return new SearchAttempt("save:" + pending.Key, step, save is null ? "press Enter to keep what was typed in the editor it opened" : $"press {save} to keep what was typed in the editor it opened",
            Saves: typed);
    }

    /// <summary>A field that asks for a date: its placeholder shows a date's form or says "date", or its label names a date, and it shows no words.</summary>
    private static bool AsksForDate(PageNode field)
    {
        if (field.Value is { Length: > 0 } shown && ClauseValues.Classify(shown, null) != GoalValueKind.Date) return false;
        if (field.Node.Attributes.TryGetValue("type", out var type) && type is "date" or "datetime-local") return true;
        return DateFieldWords().IsMatch(field.Placeholder ?? "") || DateFieldWords().IsMatch(field.Name) || RangeEndWords().IsMatch(field.Name);
    }

    private static bool FitsKind(PageNode field, GoalValue value)
    {
        var label = field.Label();
        if (field.Role == "searchbox" || SearchWords().IsMatch(label)) return false;
        if (EmailWords().IsMatch(label)) return value.Kind == GoalValueKind.Email;
        if (SecretWords().IsMatch(label)) return value.Kind == GoalValueKind.Password;
        if (value.Kind == GoalValueKind.Email) return false;
        if (field.Role == "spinbutton") return value.Kind == GoalValueKind.Number;
        return true;
    }

    /// <summary>
    /// A combobox to type into (no options of its own yet, an autocomplete): type the value; the suggestion named like
    /// it must then be chosen (<see cref="SearchAttempt.NeedsOption"/>), typing alone is no choice.
    /// </summary>
    private async Task<SearchAttempt?> TypeIntoComboboxAsync(SubGoal goal, string value, string description, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var boxes = pool.Where(n => n.Role == "combobox" && !n.IsDisabled && !n.Children.Any(c => c.Role == "option") && !n.Node.Attributes.ContainsKey("haspopup")
            && !s.Tried.Contains(CandidateKey(ActionKind.Fill, n))).ToList();
        if (boxes.Count == 0) return null;
        var ranked = await _scorer.RankAsync(description, ActionKind.Fill, boxes, cancellationToken).ConfigureAwait(false);
        var best = ranked.FirstOrDefault(r => r.Score >= _options.MinimumScore)?.Node ?? (boxes.Count == 1 ? boxes[0] : null);
        if (best is null) return null;
        s.LastField = best;
        var step = SearchStep(ActionKind.Fill, best, value, goal.Text, description);
        return new SearchAttempt(CandidateKey(ActionKind.Fill, best), step, $"type \"{value}\" into {best} and choose its suggestion",
            Undo: step with { Value = "", Description = "clear the field" }, NeedsOption: true);
    }

    /// <summary>The suggestion or option that names the value, after typing into a combobox or opening a list; null when none shows.</summary>
    private async Task<SearchAttempt?> OptionNamedAsync(SubGoal goal, SearchAttempt pending, string value, PageModel page, CancellationToken cancellationToken)
    {
        var options = page.All.Where(n => n.Role is "option" or "menuitem" or "menuitemradio" or "listitem" or "treeitem" || n.IsRolelessClickable)
            .Where(n => n.IsOnScreen && !n.IsDisabled && HasAllWords(n.Name, value)).ToList();
        if (options.Count == 0) return null;
        var ranked = await _scorer.RankAsync(value, ActionKind.Click, n => 1, options, cancellationToken).ConfigureAwait(false);
        if (ranked.Count == 0) return null;
        return pending with { Step = SearchStep(ActionKind.Click, ranked[0].Node, null, goal.Text, value), Why = $"choose the suggestion {ranked[0].Explain()}", NeedsOption = false };
    }

    /// <summary>
    /// After a fill the page refused: a spin button that is no input steps with its buttons (or arrow keys) to the
    /// number; a read-only date field opens its calendar. Null when neither applies.
    /// </summary>
    private PlanDecision? WidgetRecovery(StepFailure failure, PageModel page)
    {
        var s = _run.Search!;
        if (s.Pending is not { } pending || pending.Step.Action != ActionKind.Fill || s.Current >= s.SubGoals.Count) return null;
        var goal = s.SubGoals[s.Current];
        var field = pending.Step.Target?.Ref is { } r ? page.All.FirstOrDefault(n => n.Node.Ref == r) : null;
        var value = pending.Step.Value ?? "";
        if (field is null) return null;
        if (failure.Reason.Contains("read-only", StringComparison.OrdinalIgnoreCase) && goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Date) is { } date
            && DateOnly.TryParseExact(date.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // Its calendar sets it: open it (click the field), the calendar step chooses the day, then the effect is checked.
            _run.CalendarDate = day;
            _run.CalendarMoves = 0;
            var open = SearchStep(ActionKind.Click, field, null, goal.Text, field.Label());
            s.Pending = pending with { Key = "calendar:" + KeyOf(field), Step = open, Why = "the field is read-only: choose the date on its calendar", Undo = null };
            return PlanDecision.Continue([open with { SubGoal = goal.Index, Description = "open the date field's calendar" }], $"sub-goal {goal}: {field} is read-only; its calendar sets it");
        }
        if (field.Role == "spinbutton" && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var wanted)
            && int.TryParse(field.Node.Attributes.GetValueOrDefault("valuenow") ?? field.Value ?? field.InnerText().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var now))
        {
            var up = wanted > now;
            var count = Math.Abs(wanted - now);
            if (count == 0 || count > 50) return null;
            var near = field.Parent?.Parent is { } p ? p.DescendantsAndSelf() : field.Parent?.DescendantsAndSelf() ?? [];
            var button = near.FirstOrDefault(n => n.Role == "button" && !n.IsDisabled && (up ? IncreaseWords() : DecreaseWords()).IsMatch(n.Name));
            var steps = Enumerable.Range(0, count).Select(_ => button is not null
                ? SearchStep(ActionKind.Click, button, null, goal.Text, button.Label()) with { SubGoal = goal.Index }
                : SearchStep(ActionKind.Press, field, up ? "ArrowUp" : "ArrowDown", goal.Text, field.Label()) with { SubGoal = goal.Index }).ToList();
            s.Pending = pending with { Key = "spin:" + KeyOf(field), Step = steps[^1], Why = $"step {field} from {now} to {wanted}", Undo = null };
            return PlanDecision.Continue(steps, $"sub-goal {goal}: {field} cannot be typed into; {(button is null ? "arrow keys" : button.ToString())} ×{count} from {now} to {wanted}");
        }
        return null;
    }

    /// <summary>
    /// Nothing on the page fits: for a value with no field on screen, the control that opens the form ("Add address");
    /// for an item not shown, the submenu that may hold it (hover it). Null when there is neither.
    /// </summary>
    private async Task<PlanDecision?> RevealMoreAsync(SubGoal goal, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var visible = page.All.Where(n => n.IsOnScreen && !n.IsDisabled).ToList();
        // No field, or none but those holding what earlier sub-goals typed.
        if (goal.Family == ActionFamily.EnterText && !visible.Any(n => FillRoles.Contains(n.Role) && !HoldsEarlierText(n)) && s.Revealed.Add("form:" + goal.Index))
        {
            var inScope = goal.Scope is null ? visible : [.. InScope(goal, page).Where(n => n.IsOnScreen && !n.IsDisabled)];
            // Only a control that opens or adds: never one that deletes, cancels or leaves. A menu's command counts
            // (a desktop app's dialog that asks for the value opens from its menu).
            bool Opens(PageNode n) => (n.Role is "button" or "link" or "menuitem" || n.IsRolelessClickable) && !DestructiveWords().IsMatch(n.Name);
            var controls = inScope.Where(Opens).ToList();
            // The control that says the goal's own verb ("Reply" for "reply …"), or the one edit control of the item
            // the goal names ("Edit" in the row for Braga, for "change the stock"; "the stock for Braga" names it too).
            var saying = controls.Where(SaysVerb(goal)).ToList();
            var names = TextTokens.Words(string.Join(' ', goal.Object.Split(' ').Where(w => w.Length > 1 && char.IsUpper(w[0])))).ToList();
            var editing = controls.Where(n => EditWords().IsMatch(n.Label()) && (goal.Scope is not null ||
                names.Count > 0 && n.Ancestors().FirstOrDefault(IsItemNode) is { } item && names.All(TextTokens.Words(item.InnerText()).Contains))).ToList();
            var opener = saying.Count == 1 ? saying[0] : saying.Count == 0 && editing.Count == 1 ? editing[0] : null;
            if (opener is not null)
            {
                s.OpenedEditor = goal.Index;
                return PlanDecision.Continue([SearchStep(ActionKind.Click, opener, null, $"open the form for \"{goal.Text}\"", opener.Label())],
                    $"sub-goal {goal}: the page shows no field; {opener} {(saying.Count == 1 ? $"says \"{goal.Verb}\"" : $"edits \"{goal.Scope ?? goal.Object}\"")} and opens one");
            }
            var ranked = await _scorer.RankAsync(goal.Text, ActionKind.Click, n => 1, controls, cancellationToken).ConfigureAwait(false);
            if (ranked.Count > 0 && ranked[0].Score >= _options.MinimumScore && ranked[0].TokenOverlap > 0)
            {
                s.OpenedEditor = goal.Index;
                return PlanDecision.Continue([SearchStep(ActionKind.Click, ranked[0].Node, null, $"open the form for \"{goal.Text}\"", ranked[0].Node.Label())],
                    $"sub-goal {goal}: the page shows no field; {ranked[0].Explain()} opens one");
            }
        }
        // A submenu says so by aria-haspopup (desktop trees) or, in a browser's snapshot, which leaves that out, by the
        // arrow its label ends in ("Text ▸").
        var submenus = visible.Where(n => n.Role == "menuitem" && (n.Node.Attributes.ContainsKey("haspopup") || SubmenuArrow().IsMatch(n.Name)) && !s.Revealed.Contains("submenu:" + KeyOf(n))).ToList();
        if (submenus.Count > 0 && goal.Family is ActionFamily.Activate or ActionFamily.Choose or ActionFamily.Toggle)
        {
            var ranked = await _scorer.RankAsync(ObjectWords(goal), ActionKind.Hover, n => 1, submenus, cancellationToken).ConfigureAwait(false);
            var next = ranked[0].Node;
            s.Revealed.Add("submenu:" + KeyOf(next));
            return PlanDecision.Continue([SearchStep(ActionKind.Hover, next, null, "open the submenu to look inside", next.Label())],
                $"sub-goal {goal}: not in this menu; look in the submenu {next}");
        }
        return null;
    }

    /// <summary>"the earliest bus leaving after 9:30": items whose clock time is on the right side of each bound the goal sets.</summary>
    private static List<PageNode> WithinConstraints(SubGoal goal, List<PageNode> items)
    {
        foreach (var bound in goal.Values.Where(v => v.Kind == GoalValueKind.Time && v.Label is "after" or "before" or "since" or "until"))
        {
            if (ResultListReader.ParseTime(bound.Text) is not { } limit) continue;
            var after = bound.Label is "after" or "since";
            items = [.. items.Where(i => ResultListReader.ParseTime(i.InnerText()) is { } t && (after ? t >= limit : t <= limit))];
        }
        return items;
    }

    [GeneratedRegex(@"\s*(?:▸|►|▶|›|»|→|>)\s*$")]
    private static partial Regex SubmenuArrow();

    [GeneratedRegex(@"\(optional\)|\boptional\b|\bline 2\b", RegexOptions.IgnoreCase)]
    private static partial Regex OptionalWords();

    [GeneratedRegex(@"\bsearch\b|\bfilter\b|\bfind\b", RegexOptions.IgnoreCase)]
    private static partial Regex SearchWords();

    [GeneratedRegex(@"\b(?:delete|remove|discard|cancel|close|clear|reset|sign\s*out|log\s*out|unsubscribe|pay|buy|order|submit|send)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DestructiveWords();

    [GeneratedRegex(@"^\W*(?:edit|change|modify|rename|update|amend)\b|^\s*(?:✎|✏️?|🖉|🖊)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EditWords();

    [GeneratedRegex(@"^\W*(?:save|ok|okay|update|apply|done|confirm|submit|set|store|keep|post|send)\b|^\s*(?:✓|✔|✔️|☑)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SaveWords();

    [GeneratedRegex(@"\b(?:confirm|repeat|re-?type|re-?enter|again|verify)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgainWords();

    [GeneratedRegex(@"\b(?:up\s+to|under|below|less\s+than|at\s+most|max|maximum|highest|to|until|budget)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpperBoundWords();

    [GeneratedRegex(@"\b(?:over|above|more\s+than|at\s+least|min|minimum|lowest|from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LowerBoundWords();

    [GeneratedRegex(@"^\s*(?:apply|filter|show|update|refresh|go|search|done|ok)\b|\b(?:apply|filters?|results)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ApplyWords();

    [GeneratedRegex(@"\b(?:dd|mm|yyyy|yy|date|dates|day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateFieldWords();

    // The names the two ends of a date range go by on forms (a field with one of these as its whole name asks for a date).
    [GeneratedRegex(@"^\s*(?:check[\s-]?in|check[\s-]?out|arrival|arrive|departure|depart|from|until|to|start|end|begin|return|leaving|since)\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeEndWords();

    [GeneratedRegex(@"phone|mobile|\btel\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneWords();

    [GeneratedRegex(@"e-?mail", RegexOptions.IgnoreCase)]
    private static partial Regex EmailWords();

    [GeneratedRegex(@"password|passcode|\bpin\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecretWords();

    [GeneratedRegex(@"^\s*(?:\+|＋)\s*$|\b(?:more|increase|increment|add|plus|up|raise)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IncreaseWords();

    [GeneratedRegex(@"^\s*(?:-|−|–|－)\s*$|\b(?:fewer|less|decrease|decrement|remove|minus|down|lower)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DecreaseWords();
}
