using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

// The candidates of one sub-goal: role fit for its family, meaning and words of its object, its scope, visibility.
public sealed partial class OfflinePlanner
{
    private static readonly HashSet<string> FillRoles = new(StringComparer.Ordinal) { "textbox", "searchbox", "combobox", "spinbutton", "slider" };

    /// <summary>The best untried action for the sub-goal on this page, or null when nothing fits well enough.</summary>
    private async Task<SearchAttempt?> BestCandidateAsync(SubGoal goal, PageModel page, CancellationToken cancellationToken)
    {
        if (goal.Family == ActionFamily.Drag) return DragCandidate(goal, page);
        if (ScopedTab(goal, page) is { } tab) return tab;
        if (NamedItemMissing(goal, page)) return null; // look for it elsewhere (next page, load more) rather than act on another
        if (NeedsCollection(goal, page)) return await CollectionCandidateAsync(goal, page, cancellationToken).ConfigureAwait(false);
        if (goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Key) is { } key && _run.Search!.Tried.Add("key:" + key.Text))
        {
            // "press Enter", "hit Escape": the key goes to the field just filled, else to the page.
            var field = _run.Search.LastField;
            var press = field is null
                ? new PlanStep { Action = ActionKind.Press, Value = key.Text, Description = goal.Text, Origin = Name }
                : SearchStep(ActionKind.Press, field, key.Text, goal.Text, "the field just filled");
            return new SearchAttempt("key:" + key.Text, press, $"press {key.Text}");
        }
        var owner = EarlierItem(goal, page);
        var pool = (owner is null ? InScope(goal, page) : OwnedBy(owner)).Where(n => n.IsOnScreen || n.Node.Box is null).ToList();
        var attempt = goal.Family switch
        {
            ActionFamily.EnterText => await EnterTextAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Toggle => await ToggleAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Choose => await ChooseAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Expand => await ExpandAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Navigate => await NavigateAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Hover => await OnBestAsync(goal, ActionKind.Hover, ObjectWords(goal), pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Scroll => await OnBestAsync(goal, ActionKind.Scroll, ObjectWords(goal), pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Read => await ReadAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Wait => Wait(goal),
            ActionFamily.Drag => DragCandidate(goal, page),
            ActionFamily.Remove => await OnBestAsync(goal, ActionKind.Click, $"{ObjectWords(goal)} remove delete", pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Submit => await SubmitAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            ActionFamily.Filter => await FilterAsync(goal, pool, cancellationToken).ConfigureAwait(false),
            _ => await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), pool, cancellationToken).ConfigureAwait(false),
        };
        if (attempt is not null) return attempt;
        if (owner is not null) return OnlyControl(goal, $"{owner}, which \"{goal.Scope}\" names", pool);
        // "Show the details of the Basic plan": the one control in the part of the page the scope names, whatever it says
        // ("More info"), unless it deletes, cancels or sends something.
        return goal.Family == ActionFamily.Expand && goal.Scope is { Length: > 0 } scope && pool.Count < page.All.Count
            ? OnlyControl(goal, $"the part of the page that \"{scope}\" names", [.. pool.Where(n => !DestructiveWords().IsMatch(n.Label()))])
            : null;
    }

    /// <summary>
    /// "Expand the question about returns and open its form": the element an earlier sub-goal acted on, when this one's
    /// scope is that sub-goal's item ("its" in the goal) and the element is still on the page; else null.
    /// </summary>
    private PageNode? EarlierItem(SubGoal goal, PageModel page)
    {
        var s = _run.Search!;
        if (string.IsNullOrWhiteSpace(goal.Scope)) return null;
        var earlier = s.SubGoals.LastOrDefault(g => g.Index < goal.Index && s.ActedOn.ContainsKey(g.Index) &&
            (string.Equals(g.Object, goal.Scope, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Effect.Value, goal.Scope, StringComparison.OrdinalIgnoreCase)));
        return earlier is null ? null : page.All.FirstOrDefault(n => n.Node.Ref == s.ActedOn[earlier.Index]);
    }

    /// <summary>What belongs to an element: the nearest box around it that holds other controls too (a question's answer and its link), without the element itself.</summary>
    private static IEnumerable<PageNode> OwnedBy(PageNode element)
    {
        foreach (var box in element.Ancestors())
        {
            var inside = box.DescendantsAndSelf().Where(n => n != element && !element.DescendantsAndSelf().Contains(n)).ToList();
            if (inside.Any(n => n.Role is "link" or "button" or "menuitem" || n.IsRolelessClickable || FillRoles.Contains(n.Role))) return inside;
        }
        return [];
    }

    /// <summary>"Open its form" where the item holds one control, whatever it says ("Start a return"): that control.</summary>
    private SearchAttempt? OnlyControl(SubGoal goal, string owner, List<PageNode> pool)
    {
        if (goal.Family is not (ActionFamily.Activate or ActionFamily.Navigate or ActionFamily.Submit or ActionFamily.Expand)) return null;
        var controls = pool.Where(n => (n.Role is "link" or "button" or "menuitem" || n.IsRolelessClickable) && !n.IsDisabled).ToList();
        if (controls.Count != 1 || !_run.Search!.Tried.Add(CandidateKey(ActionKind.Click, controls[0]))) return null;
        var only = controls[0];
        return new SearchAttempt(CandidateKey(ActionKind.Click, only), SearchStep(ActionKind.Click, only, null, goal.Text, only.Label()),
            $"{only} is the one control of {owner}");
    }

    /// <summary>The object in words; for a sub-goal that names none, its value's label or kind, else its verb.</summary>
    private static string ObjectWords(SubGoal goal)
    {
        if (goal.Object.Length > 0) return goal.Object;
        var value = goal.Values.FirstOrDefault();
        if (value?.Label is { Length: > 0 } label) return label;
        return goal.Family switch
        {
            ActionFamily.EnterText => value?.Kind switch
            {
                GoalValueKind.Email => "email",
                GoalValueKind.Password => "password",
                GoalValueKind.Date => "date",
                GoalValueKind.Time => "time",
                GoalValueKind.Number => "number quantity",
                _ => "text",
            },
            ActionFamily.Submit => goal.Verb ?? "submit",
            _ => goal.Verb is { } verb && value is not null ? $"{verb} {value.Text}" : goal.Verb ?? goal.Text,
        };
    }

    // byMeaning: also accept the closest in meaning when no label shares a word, if it stands out from the rest ("the
    // tasks I have finished" → "Completed"), for families whose effect check tells a wrong guess at once (filter, submit).
    private async Task<SearchAttempt?> OnBestAsync(SubGoal goal, ActionKind action, string description, IEnumerable<PageNode> pool, CancellationToken cancellationToken,
        Func<PageNode, double>? fit = null, bool byMeaning = false)
    {
        var s = _run.Search!;
        var ranked = await _scorer.RankAsync(description, action, fit ?? (n => ElementScorer.RoleFit(action, n)), pool, cancellationToken,
            n => s.Tried.Contains(CandidateKey(action, n))).ConfigureAwait(false);
        if (ranked.Count == 0) return null;
        if (ranked[0].Score < _options.MinimumScore)
        {
            // "submit" and the button says "Send": the words controls use for the verb (controls.yaml).
            var synonym = action is ActionKind.Click or ActionKind.Check or ActionKind.Uncheck
                ? await BySynonymsAsync(description, action, fit ?? (n => ElementScorer.RoleFit(action, n)), pool, cancellationToken).ConfigureAwait(false)
                : null;
            if (synonym is not null) ranked = [synonym];
            else
            {
                if (!byMeaning) return null;
                var closest = ranked.OrderByDescending(r => r.Similarity).ToList();
                var standsOut = closest.Count == 1 || closest[0].Similarity - closest[1].Similarity >= 0.05;
                if (closest[0].Similarity < 0.35 || !standsOut) return null;
                ranked = closest;
            }
        }
        var best = ranked[0];
        var step = SearchStep(action, best.Node, action is ActionKind.Hover or ActionKind.Scroll or ActionKind.Click ? null : goal.Values.FirstOrDefault()?.Text, goal.Text, description);
        return new SearchAttempt(CandidateKey(action, best.Node), step, best.Explain());
    }

    private async Task<SearchAttempt?> EnterTextAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var values = goal.Values.Where(IsTypedValue).ToList();
        var index = values.FindIndex(v => !s.DoneTargets.Contains("value:" + v.Text));
        if (index < 0) return null;
        var value = values[index];
        var description = value.Label ?? (values.Count == 1 ? ObjectWords(goal) : KindWords(value) ?? ObjectWords(goal));
        if (value.Kind == GoalValueKind.Time && ClockLists(goal, value, pool) is { } clock) return clock;
        if (await OptionForValueAsync(goal, value, description, pool, cancellationToken).ConfigureAwait(false) is { } option) return option;
        if (value.Label is null && goal.Object.Length == 0 && value.Kind is not (GoalValueKind.Email or GoalValueKind.Password) && NextEmptyField(goal, value, pool) is { } next) return next;
        if (RangeEndField(goal, value, pool) is { } end) return end;
        // A read-only field (a text view that only shows, such as an app's history) is no place to type.
        var fields = pool.Where(n => FillRoles.Contains(n.Role) && !n.IsDisabled && !n.Has("readonly") && !(values.Count > 1 && s.FilledFields.Contains(KeyOf(n)))).ToList();
        var ranked = await _scorer.RankAsync(description, ActionKind.Fill, fields, cancellationToken, n => s.Tried.Contains(CandidateKey(ActionKind.Fill, n))).ConfigureAwait(false);
        // A lone unlabeled box ("type hello in the box") scores low on words but is the only place the text can go.
        // A field labelled in other words (a "handle" or "login" for a user name) still ranks first among the few unfilled
        // ones; the effect check and the later sub-goals show whether it was right.
        var unfilled = ranked.Where(r => !s.FilledFields.Contains(KeyOf(r.Node)) && Plausible(r.Node, value, description)).ToList();
        var untried = fields.Where(f => !s.Tried.Contains(CandidateKey(ActionKind.Fill, f))).ToList();
        // The ranking leaves out a field with no words at all (no name, label, placeholder or text near it: a
        // calculator's entry, an editor's page); when it is the only field left, it is that lone box.
        var lone = untried.Count != 1 ? null
            : ranked.Count == 1 ? ranked[0]
            : ranked.Count == 0 && untried[0].Label().Length == 0 ? new GroundingCandidate(untried[0], 0, 0, 0) : null;
        // A date or a time never goes over words a field already shows, however well its label fits ("to" and "Where to?").
        var best = ranked.FirstOrDefault(r => r.Score >= _options.MinimumScore && !OverWords(r.Node, value))
            ?? (unfilled.Count is > 0 and <= 4 && unfilled[0].Score >= 0.1 ? unfilled[0] : null)
            ?? (lone is not null && !HoldsEarlierText(lone.Node) && Plausible(lone.Node, value, description) ? lone : null);
        if (best is null) return null;
        var text = FormatForField(value, best.Node);
        s.FilledFields.Add(KeyOf(best.Node));
        s.LastField = best.Node;
        var step = SearchStep(ActionKind.Fill, best.Node, text, goal.Text, description);
        return new SearchAttempt(CandidateKey(ActionKind.Fill, best.Node), step, best.Explain(), Undo: step with { Value = "", Description = "clear the field" },
            TargetKey: values.Count > 1 ? "value:" + value.Text : null);
    }

    /// <summary>A time the form asks for in separate lists (hour, minute, AM/PM): one choice in each, checked together.</summary>
    private SearchAttempt? ClockLists(SubGoal goal, GoalValue value, List<PageNode> pool)
    {
        if (ClockFields.Choices(pool.Select(n => n.Node), value.Text) is not { } choices || !_run.Search!.Tried.Add("clock:" + value.Text)) return null;
        var steps = new List<PlanStep>();
        foreach (var (field, option) in choices)
        {
            var list = pool.First(n => ReferenceEquals(n.Node, field));
            steps.Add(SearchStep(ActionKind.Select, list, option, goal.Text, list.Label()));
        }
        return new SearchAttempt("clock:" + value.Text, steps[0], $"{value.Text} goes into the lists {string.Join(", ", choices.Select(c => $"\"{c.Field.Name}\" = {c.Option}"))}",
            Then: steps[1..]);
    }

    /// <summary>
    /// A field an earlier sub-goal filled that still holds its text: the lone box of the page is no place for another
    /// value then (a note typed into an editor, then a file name: the name goes into a field that opens next, not over the note).
    /// </summary>
    private bool HoldsEarlierText(PageNode field) => _run.Search!.FilledFields.Contains(KeyOf(field)) && !string.IsNullOrEmpty(field.Value);

    private static string? KindWords(GoalValue value) => value.Kind switch
    {
        GoalValueKind.Email => "email",
        GoalValueKind.Password => "password code pin",
        GoalValueKind.Date => "date",
        _ => null,
    };

    /// <summary>A date goes in the form the field asks for (its placeholder), else as written by the interpreter.</summary>
    private static string FormatForField(GoalValue value, PageNode field)
    {
        if (value.Kind != GoalValueKind.Date || !DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return value.Text;
        var hint = (field.Placeholder ?? field.Label()).ToUpperInvariant();
        if (hint.Contains("MM/DD/YYYY", StringComparison.Ordinal)) return date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
        if (hint.Contains("DD/MM/YYYY", StringComparison.Ordinal)) return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (hint.Contains("DD.MM.YYYY", StringComparison.Ordinal)) return date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        return value.Text;
    }

    private async Task<SearchAttempt?> ToggleAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var on = goal.Qualifiers.DesiredState ?? goal.Effect.Kind != EffectKind.Unchecked;
        var action = on ? ActionKind.Check : ActionKind.Uncheck;
        var description = ObjectWords(goal);
        var attempt = await OnBestAsync(goal, action, description, pool, cancellationToken).ConfigureAwait(false);
        if (attempt is not null) return attempt with { Undo = attempt.Step with { Action = on ? ActionKind.Uncheck : ActionKind.Check, Description = "take the toggle back" } };
        // A custom toggle without a checkbox role: click the control whose words fit.
        return await OnBestAsync(goal, ActionKind.Click, description, pool, cancellationToken,
            n => n.Role is "button" or "switch" || n.IsRolelessClickable ? 1 : 0).ConfigureAwait(false);
    }

    private async Task<SearchAttempt?> ChooseAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var value = goal.Values.FirstOrDefault()?.Text;
        var description = ObjectWords(goal);
        if (value is null)
        {
            // "Switch to paperless invoices": the choice that means it ("Email my invoices only"), before any that only looks like it.
            if (await ThatMeansAsync(goal, description, description, pool, cancellationToken).ConfigureAwait(false) is { } means) return means;
            // "Choose the medium size": the control clicked must say some of it in its own words; a button ranked by the
            // text around it ("Place order" beside "Size") would send the form instead of choosing. A box ticked for it
            // that shows no effect is ticked back before the next candidate.
            var guess = await OnBestAsync(goal, ActionKind.Click, description, pool, cancellationToken).ConfigureAwait(false);
            if (guess is not null && TextTokens.Overlap(TextTokens.Content(description), TextTokens.Content(ShownText(guess.Step, pool))) > 0)
            {
                return guess.Step.Target?.Role is "checkbox" or "switch" ? guess with { Undo = guess.Step with { Description = "take the tick back" } } : guess;
            }
            // "Choose standard shipping" in an open list drawn without roles: the one option that says a word of it
            // ("Standard (3–5 days) · free"), however low its score against the words it does not say ("shipping").
            var words = TextTokens.Content(description);
            var saying = pool.Where(n => (n.Role is "option" or "menuitemradio" or "radio" || n.IsRolelessClickable) && !n.IsDisabled && !n.IsCollapsed &&
                !s.Tried.Contains(CandidateKey(ActionKind.Click, n)) && TextTokens.Overlap(words, TextTokens.Content(n.Label())) > 0).ToList();
            var labels = saying.Select(n => n.Label().Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (labels.Count != 1) return null;
            var one = saying.OrderByDescending(n => n.Node.Ref is not null).First();
            return new SearchAttempt(CandidateKey(ActionKind.Click, one), SearchStep(ActionKind.Click, one, null, goal.Text, description),
                $"{one} is the one choice that says a word of \"{description}\"");
        }
        // A native select whose options hold the value.
        var selects = pool.Where(n => n.Role is "combobox" or "listbox" && n.Children.Any(c => c.Role == "option") && !s.Tried.Contains(CandidateKey(ActionKind.Select, n))).ToList();
        var withOption = new List<(PageNode Select, PageNode Option)>();
        foreach (var select in selects)
        {
            var options = select.Children.Where(c => c.Role == "option").ToList();
            var option = options.FirstOrDefault(o => string.Equals(o.Name, value, StringComparison.OrdinalIgnoreCase))
                ?? options.FirstOrDefault(o => o.Name.Contains(value, StringComparison.OrdinalIgnoreCase))
                ?? options.FirstOrDefault(o => ChoiceWords.Means(o.Name, value));
            if (option is not null) withOption.Add((select, option));
        }
        if (withOption.Count > 0)
        {
            var ranked = await _scorer.RankAsync(description, ActionKind.Select, withOption.Select(w => w.Select), cancellationToken).ConfigureAwait(false);
            var select = ranked.Count > 0 ? ranked[0].Node : withOption[0].Select;
            var option = withOption.First(w => w.Select == select).Option;
            return new SearchAttempt(CandidateKey(ActionKind.Select, select), SearchStep(ActionKind.Select, select, option.Name, goal.Text, description), $"the list {select} has \"{option.Name}\"");
        }
        // A radio, tab, option or button named like the value.
        var named = await OnBestAsync(goal, ActionKind.Click, value, pool, cancellationToken,
            n => n.Role is "radio" or "tab" or "option" or "menuitemradio" or "menuitem" or "button" or "link" or "treeitem" || n.IsRolelessClickable ? 1 : 0).ConfigureAwait(false);
        var namedWords = named is null ? 0 : TextTokens.Overlap(TextTokens.Content(value), TextTokens.Content(ShownText(named.Step, pool)));
        var namesIt = namedWords > 0.5;
        if (namesIt) return named;
        // "make my profile private": the choice that means it ("Only me", ChoiceWords), in the control the object names.
        if (await ThatMeansAsync(goal, value, description, pool, cancellationToken).ConfigureAwait(false) is { } meaning) return meaning;
        // An autocomplete: type the value, then choose its suggestion.
        if (await TypeIntoComboboxAsync(goal, value, description, pool, cancellationToken).ConfigureAwait(false) is { } typed) return typed;
        // A custom dropdown: open it; the follow-up clicks the option.
        // A control that shares no word with the value is never clicked to choose it (it may be the form's "Place order").
        return await OnBestAsync(goal, ActionKind.Click, description, pool, cancellationToken,
            n => n.Role is "combobox" or "button" && (n.Node.Attributes.ContainsKey("haspopup") || n.IsCollapsed || n.Role == "combobox") ? 1 : 0).ConfigureAwait(false)
            ?? (namedWords > 0 ? named : null);
    }

    /// <summary>
    /// The choice whose words mean <paramref name="wanted"/> (ChoiceWords: "private" → "Only me", "paperless invoices" →
    /// "Email my invoices only"), the one whose place fits <paramref name="description"/> best when there are several.
    /// </summary>
    private async Task<SearchAttempt?> ThatMeansAsync(SubGoal goal, string wanted, string description, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var meaning = pool.Where(n => (n.Role is "radio" or "option" or "menuitemradio" or "tab" or "button" or "checkbox" or "switch" || n.IsRolelessClickable) &&
            !n.IsDisabled && !s.Tried.Contains(CandidateKey(ActionKind.Click, n)) && ChoiceWords.Means(n.Label(), wanted)).ToList();
        if (meaning.Count == 0) return null;
        var ranked = await _scorer.RankAsync(description, ActionKind.Click, meaning, cancellationToken).ConfigureAwait(false);
        var one = ranked.Count > 0 ? ranked[0].Node : meaning[0];
        return new SearchAttempt(CandidateKey(ActionKind.Click, one), SearchStep(ActionKind.Click, one, null, goal.Text, description),
            $"{one} is the choice that means \"{wanted}\"");
    }

    /// <summary>A filter or a sort: the control that says the order asked for ("Price: high to low"), else the one whose words fit.</summary>
    private async Task<SearchAttempt?> FilterAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        static double Fit(PageNode n) =>
            n.Role is "button" or "link" or "tab" or "radio" or "option" or "menuitem" or "menuitemradio" or "checkbox" || n.IsRolelessClickable ? 1 : 0;
        if (await BoundFieldAsync(goal, pool, cancellationToken).ConfigureAwait(false) is { } bound) return bound;
        if (SortWords(goal) is { Count: > 0 } sort && await BySynonymsAsync(sort, ActionKind.Click, Fit, pool, cancellationToken).ConfigureAwait(false) is { } order)
        {
            return new SearchAttempt(CandidateKey(ActionKind.Click, order.Node), SearchStep(ActionKind.Click, order.Node, null, goal.Text, sort[0]),
                $"{order.Node} says the order asked for ({goal.Qualifiers.Ordering})");
        }
        return await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), pool, cancellationToken, Fit, byMeaning: true).ConfigureAwait(false);
    }

    /// <summary>The words the step's target shows: its name, else (a clickable with no role, by ref) its text on the page.</summary>
    private static string ShownText(PlanStep step, IEnumerable<PageNode> pool) =>
        step.Target switch
        {
            { Name: { Length: > 0 } name } => name,
            { Ref: { } r } => pool.FirstOrDefault(n => n.Node.Ref == r)?.InnerText() ?? "",
            { Text: { } text } => text,
            _ => "",
        };

    private async Task<SearchAttempt?> ExpandAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var attempt = await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), pool, cancellationToken,
            n => n.IsCollapsed ? 1 : n.Role is "button" or "tab" or "treeitem" or "link" || n.IsRolelessClickable ? 0.6 : 0).ConfigureAwait(false);
        if (attempt is null)
        {
            // "Open the collapsed panel" names no panel: the collapsed ones, in page order, are the candidates. "The
            // question about returns" names one: only a collapsed control that says one of its words ("Can I return an
            // item…") is, never the first one whatever it says.
            var s = _run.Search!;
            var named = TextTokens.Words(ObjectWords(goal)).Where(w => !PanelWords.Contains(w) && !w.All(char.IsAsciiDigit)).Select(TextTokens.Stem).ToHashSet(StringComparer.Ordinal);
            var collapsed = pool.FirstOrDefault(n => n.IsCollapsed && !n.IsDisabled && !s.Tried.Contains(CandidateKey(ActionKind.Click, n)) &&
                (named.Count == 0 || TextTokens.Content(n.Label()).Select(TextTokens.Stem).Any(named.Contains)));
            if (collapsed is null) return null;
            attempt = new SearchAttempt(CandidateKey(ActionKind.Click, collapsed), SearchStep(ActionKind.Click, collapsed, null, goal.Text, collapsed.Label()),
                $"{collapsed} is collapsed and nothing else fits \"{ObjectWords(goal)}\"");
        }
        return attempt with { Undo = attempt.Step with { Description = "close it again" } };
    }

    // Words that say what kind of collapsed thing is meant, not which one.
    private static readonly HashSet<string> PanelWords = new(StringComparer.Ordinal)
    {
        "panel", "panels", "section", "sections", "question", "questions", "accordion", "details", "more", "about", "collapsed", "hidden",
        "closed", "folded", "dropdown", "menu", "submenu", "drawer", "sidebar", "faq", "group", "tree", "part", "area", "one",
        "the", "a", "an", "of", "my", "this", "that", "with", "for", "on", "in", "to", "at", "its", "their",
    };

    private async Task<SearchAttempt?> NavigateAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var url = goal.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Url)?.Text;
        if (url is not null && !_run.Search!.Tried.Contains("goto:" + url))
        {
            return new SearchAttempt("goto:" + url, new PlanStep { Action = ActionKind.Goto, Value = url, Description = goal.Text, Origin = Name }, $"open {url}");
        }
        return await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), pool, cancellationToken,
            n => n.Role is "link" or "tab" or "menuitem" ? 1 : n.Role == "button" ? 0.8 : 0).ConfigureAwait(false);
    }

    private async Task<SearchAttempt?> ReadAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        if (EffectEvaluator.AsksForFile(goal)) return await FileControlAsync(goal, pool, cancellationToken).ConfigureAwait(false);
        var name = string.Join('_', TextTokens.Content(goal.Object).Take(3));
        var attempt = await OnBestAsync(goal, ActionKind.Extract, ObjectWords(goal), pool, cancellationToken).ConfigureAwait(false);
        return attempt is null ? null : attempt with { Step = attempt.Step with { Value = name.Length > 0 ? name : "value" } };
    }

    private SearchAttempt? Wait(SubGoal goal)
    {
        var text = goal.Values.FirstOrDefault()?.Text ?? goal.Object;
        if (text.Length == 0 || !_run.Search!.Tried.Add("wait:" + text)) return null;
        var step = new PlanStep { Action = ActionKind.WaitFor, Target = new ElementTarget { Text = text }, Description = goal.Text, Timeout = _options.WaitTimeout, Origin = Name };
        return new SearchAttempt("wait:" + text, step, $"wait for \"{text}\"");
    }

    private async Task<SearchAttempt?> SubmitAsync(SubGoal goal, List<PageNode> pool, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        if (ConfirmField(goal, pool) is { } again) return again;
        // The form's own button first: a button in the same container as the field just filled.
        var form = s.LastField?.Ancestors().FirstOrDefault(a => a.Role is "form" or "dialog" or "region" or "group");
        var inForm = form is null ? pool : [.. pool.Where(n => n.Ancestors().Contains(form))];
        var attempt = await FormButtonAsync(goal, inForm, cancellationToken).ConfigureAwait(false) ?? await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), inForm, cancellationToken,
            n => n.Role is "button" ? 1 : n.Role is "link" or "menuitem" ? 0.7 : n.IsRolelessClickable ? 0.6 : 0, byMeaning: true).ConfigureAwait(false)
            ?? await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), pool, cancellationToken,
                n => n.Role is "button" ? 1 : n.Role is "link" or "menuitem" ? 0.7 : n.IsRolelessClickable ? 0.6 : 0).ConfigureAwait(false);
        // "Put "buy stamps" on my list" where no button adds: a link that says nothing of the commit ("Done", a filter of the
        // list) goes somewhere else; Enter in the field just filled commits the item first.
        if (attempt is { Step.Target: { Role: "link" } link } && goal.Implied && goal.Effect.Kind == EffectKind.ItemAppeared &&
            !TextTokens.Words(link.Name).Any(ControlWords.BuiltIn.For(goal.Object).Concat(TextTokens.Words(goal.Object)).ToHashSet(StringComparer.Ordinal).Contains) &&
            EnterInLastField(goal, pool) is { } commit)
        {
            return commit;
        }
        if (attempt is not null) return attempt;
        // "Finish the setup" where nothing says "setup": the one control that says the goal's own verb ("Finish").
        var saying = pool.Where(n => (n.Role is "button" or "link" || n.IsRolelessClickable) && !n.IsDisabled).Where(SaysVerb(goal)).ToList();
        if (saying.Count == 1 && s.Tried.Add(CandidateKey(ActionKind.Click, saying[0])))
        {
            return new SearchAttempt(CandidateKey(ActionKind.Click, saying[0]), SearchStep(ActionKind.Click, saying[0], null, goal.Text, saying[0].Label()),
                $"{saying[0]} says the goal's verb \"{goal.Verb}\"");
        }
        // No button fits: Enter in the last field filled submits most forms.
        return EnterInLastField(goal, pool);
    }

    /// <summary>Enter in the field just filled, while it is still on the page and Enter was not tried there yet.</summary>
    private SearchAttempt? EnterInLastField(SubGoal goal, List<PageNode> pool)
    {
        var s = _run.Search!;
        if (s.LastField is not { } field || !pool.Any(n => n.Node.Ref is { } r ? r == field.Node.Ref : KeyOf(n) == KeyOf(field)) || !s.Tried.Add("enter:" + KeyOf(field))) return null;
        return new SearchAttempt("enter:" + KeyOf(field), SearchStep(ActionKind.Press, field, "Enter", goal.Text, "the field just filled"), "press Enter in the field just filled");
    }

    /// <summary>
    /// "Confirm password", "Repeat email": a field that asks again for a value the goal gave for another field, still
    /// empty before the form is sent. Filling it is a preparation (like opening a tab), not a candidate for the submit:
    /// the submit's effect is judged from the screen after it.
    /// </summary>
    private SearchAttempt? ConfirmField(SubGoal goal, List<PageNode> pool)
    {
        var s = _run.Search!;
        foreach (var field in pool.Where(n => n.Role == "textbox" && n.IsOnScreen && !n.IsDisabled && string.IsNullOrEmpty(n.Value) && AgainWords().IsMatch(n.Label())))
        {
            var kind = SecretWords().IsMatch(field.Label()) ? GoalValueKind.Password : EmailWords().IsMatch(field.Label()) ? GoalValueKind.Email : (GoalValueKind?)null;
            if (kind is null || s.SubGoals.SelectMany(g => g.Values).FirstOrDefault(v => v.Kind == kind) is not { } value) continue;
            if (!s.Tried.Add("again:" + KeyOf(field))) continue;
            var fill = SearchStep(ActionKind.Fill, field, value.Text, goal.Text, field.Label());
            return new SearchAttempt("reveal", fill, $"{field} asks for the {(kind == GoalValueKind.Password ? "password" : "email")} again");
        }
        return null;
    }

    /// <summary>
    /// A second step when the first did not show the effect yet: Enter after typing an item that has to be committed,
    /// or the option after a list was opened.
    /// </summary>
    private async Task<SearchAttempt?> FollowUpAsync(SubGoal goal, SearchAttempt pending, PageModel page, CancellationToken cancellationToken)
    {
        var step = pending.Step;
        if (SortAgain(goal, pending) is { } again) return again;
        if (step.Action == ActionKind.Fill && goal.Effect.Kind is EffectKind.ItemAppeared or EffectKind.Navigated or EffectKind.ListChanged && pending.FollowUps == 0)
        {
            // A filter's limit set in its field: the form's own apply button, when it has one, applies it.
            if (goal.Family == ActionFamily.Filter && ApplyButton(page, step) is { } apply)
            {
                return pending with { Step = SearchStep(ActionKind.Click, apply, null, goal.Text, apply.Label()), Why = $"press {apply} to apply the limit", Undo = null };
            }
            return pending with { Step = step with { Action = ActionKind.Press, Value = "Enter", Description = "commit what was typed" }, Why = "press Enter to commit it", Undo = null };
        }
        if (goal.Family == ActionFamily.Choose && step.Action == ActionKind.Click && goal.Values.FirstOrDefault()?.Text is { } value)
        {
            var options = page.All.Where(n => n.Role is "option" or "menuitem" or "menuitemradio" or "radio" or "listitem" or "treeitem" || n.IsRolelessClickable)
                .Where(n => n.IsOnScreen && !n.IsDisabled).ToList();
            var ranked = await _scorer.RankAsync(value, ActionKind.Click, n => 1, options, cancellationToken).ConfigureAwait(false);
            if (ranked.Count > 0 && ranked[0].Score >= _options.MinimumScore)
            {
                var option = ranked[0].Node;
                return pending with { Step = SearchStep(ActionKind.Click, option, null, goal.Text, value), Why = $"choose the option {ranked[0].Explain()}" };
            }
        }
        return null;
    }

    /// <summary>The sub-goal as a described target, for the engine's grounder and visual locator.</summary>
    private PlanStep? Described(SubGoal goal)
    {
        var action = goal.Family switch
        {
            ActionFamily.EnterText => ActionKind.Fill,
            ActionFamily.Toggle => ActionKind.Click,
            ActionFamily.Hover => ActionKind.Hover,
            ActionFamily.Activate or ActionFamily.Submit or ActionFamily.Expand or ActionFamily.Pick or ActionFamily.Remove or ActionFamily.Filter or ActionFamily.Choose => ActionKind.Click,
            _ => (ActionKind?)null,
        };
        var words = ObjectWords(goal);
        // A named item ("order #10440") is part of what the visual locator must find, never any item of its kind.
        if (NamedItem(goal) is { } named && !Contains(words, named)) words = $"{words} {named}";
        // So is the scope: "the details of the Basic plan" must not fall back to any "Show details" on the page.
        if (goal.Scope is { Length: > 0 } scope && !Contains(words, scope)) words = $"{words} {scope}";
        if (action is null || words.Length == 0) return null;
        return new PlanStep
        {
            Action = action.Value, Target = ElementTarget.Describe(words), Value = action == ActionKind.Fill ? goal.Values.FirstOrDefault()?.Text : null,
            Description = goal.Text, Origin = Name, SubGoal = goal.Index,
        };
    }

    private PlanStep SearchStep(ActionKind action, PageNode node, string? value, string description, string targetDescription) => new()
    {
        Action = action,
        Target = AccessibilityGrounder.ToTarget(action == ActionKind.Click ? ClickHandler(node) : node, targetDescription),
        Value = value,
        Description = description,
        Origin = Name,
    };

    /// <summary>
    /// A tree item or list entry whose click is handled by an element inside it (a <c>&lt;span&gt;</c> the probe found,
    /// named like the item): that element, since a click in the middle of the item may land on empty space.
    /// </summary>
    private static PageNode ClickHandler(PageNode node) =>
        node.Role is "treeitem" or "listitem" or "row" or "cell" or "gridcell" or "option" or "article"
            ? node.Children.FirstOrDefault(c => c.IsRolelessClickable && c.Node.Attributes.ContainsKey("css") && string.Equals(c.Name.Trim(), node.Name.Trim(), StringComparison.Ordinal)) ?? node
            : node;

    /// <summary>Whether a control's own words say the goal's verb ("Reply" for "reply …", "Finish" for "finish the setup").</summary>
    private static Func<PageNode, bool> SaysVerb(SubGoal goal)
    {
        var verbs = TextTokens.Words(goal.Verb).ToHashSet(StringComparer.Ordinal);
        return n => TextTokens.Words(n.Label()).Any(verbs.Contains);
    }

    private static string CandidateKey(ActionKind action, PageNode node) => $"{action}:{node.Node.Ref ?? KeyOf(node)}";
}
