using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

public sealed partial class OfflinePlanner
{
    private static readonly string[] OutsideContent = ["banner", "navigation", "contentinfo"];

    private async Task<PlanDecision> NextSkillStepAsync(PlanningContext context, PageModel page, CancellationToken cancellationToken)
    {
        var skill = _run.Skill!;
        while (_run.Index < skill.Steps.Count)
        {
            var step = skill.Steps[_run.Index];
            if (step.When is not null && !_run.Slots.ContainsKey(step.When))
            {
                _run.Advance();
                continue;
            }
            var value = step.Value is null ? null : SubstituteSlots(step.Value, _run.Slots, out var missing) is var v && missing.Count == 0 ? v : null;
            if (step.Value is not null && value is null && step.Do is not ("choose"))
            {
                if (step.Optional)
                {
                    _run.Advance();
                    continue;
                }
                return PlanDecision.GiveUp($"The step \"{step}\" needs a value the goal does not give.");
            }
            _run.LastIndex = _run.Index;
            _run.LastPhase = _run.Phase;
            var decision = step.Do switch
            {
                "fill" => await FillAsync(step, value!, page, cancellationToken).ConfigureAwait(false),
                "choose" => Choose(step, page),
                "complete" => await CompleteAsync(step, context, page, cancellationToken).ConfigureAwait(false),
                _ => await ActOnAsync(step, value, page, cancellationToken).ConfigureAwait(false),
            };
            if (decision is not null) return decision;
        }
        return PlanDecision.Done($"every step of '{skill.Name}' is done");
    }

    private async Task<PlanDecision?> FillAsync(SkillStep step, string value, PageModel page, CancellationToken cancellationToken)
    {
        if (step.As == "place") return await FillPlaceAsync(step, value, page, cancellationToken).ConfigureAwait(false);
        var fit = step.As switch
        {
            "date" => new Func<PageNode, double>(n => n.Role switch
            {
                "textbox" or "searchbox" => 1,
                "group" when n.DescendantsAndSelf().Count(d => d.Role == "combobox") >= 2 => 1,
                "combobox" => 0.8,
                _ => 0,
            }),
            "count" => n => n.Role is "spinbutton" or "combobox" or "textbox" ? 1 : 0,
            _ => n => ElementScorer.RoleFit(ActionKind.Fill, n),
        };
        var best = await BestAsync(step.Target, ActionKind.Fill, fit, page, cancellationToken, unused: true).ConfigureAwait(false);
        if (best is null) return Missing(step);
        var node = best.Node;
        _run.UsedFields.Add(KeyOf(node));
        List<PlanStep> steps;
        if (step.As == "date" && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            steps = DateSteps(step, node, date);
        }
        else if (step.As == "count" && node.Role == "combobox" && node.Children.Any(c => c.Role == "option"))
        {
            var option = node.Children.Where(c => c.Role == "option").FirstOrDefault(o => LeadingNumber(o.Name) == value) ?? node.Children.First(c => c.Role == "option");
            steps = [Step(ActionKind.Select, node, option.Name, step.ToString(), step.Target)];
        }
        else
        {
            steps = [Step(ActionKind.Fill, node, value, step.ToString(), step.Target)];
        }
        _run.Advance();
        return PlanDecision.Continue(steps, best.Explain());
    }

    private async Task<PlanDecision?> FillPlaceAsync(SkillStep step, string place, PageModel page, CancellationToken cancellationToken)
    {
        var options = page.All.Where(n => n.Role == "option" && n.IsOnScreen && !n.IsDisabled).ToList();
        if (_run.Phase == 1)
        {
            if (options.Count > 0)
            {
                var option = await BestOptionAsync(place, options, cancellationToken).ConfigureAwait(false);
                if (_run.ActiveFieldKey is not null) _run.UsedFields.Add(_run.ActiveFieldKey);
                _run.Advance();
                return PlanDecision.Continue([Step(ActionKind.Click, option, null, $"choose \"{place}\" from the suggestions", $"the option for {place}")],
                    $"the option that best matches \"{place}\"");
            }
            if (Pause("waiting for the suggestions") is { } pause) return pause;
            _run.Advance();
            return null;
        }

        var best = await BestAsync(step.Target, ActionKind.Select, n => n.Role switch
        {
            "textbox" or "searchbox" or "combobox" => 1,
            "button" => 0.8,
            _ => 0,
        }, page, cancellationToken, unused: true).ConfigureAwait(false);
        if (best is null) return Missing(step);
        var node = best.Node;
        _run.ActiveFieldKey = KeyOf(node);
        var nativeOptions = node.Children.Where(c => c.Role == "option").ToList();
        if (node.Role == "combobox" && nativeOptions.Count > 0)
        {
            var option = await BestOptionAsync(place, nativeOptions, cancellationToken).ConfigureAwait(false);
            _run.UsedFields.Add(_run.ActiveFieldKey);
            _run.Advance();
            return PlanDecision.Continue([Step(ActionKind.Select, node, option.Name, step.ToString(), step.Target)], best.Explain());
        }
        _run.Phase = 1;
        _run.Waits = 0;
        var open = node.Role == "button"
            ? Step(ActionKind.Click, node, null, $"open the list for {place}", step.Target)
            : Step(ActionKind.Type, node, place, step.ToString(), step.Target);
        return PlanDecision.Continue([open, WaitForOptions($"wait for the suggestions for {place}")], best.Explain());
    }

    /// <summary>
    /// The option for a place: an airport code in the option wins; else the first listed option that has every word
    /// of the place (so "London" picks the first London airport the site lists); else the closest by meaning.
    /// </summary>
    private async Task<PageNode> BestOptionAsync(string place, IReadOnlyList<PageNode> options, CancellationToken cancellationToken)
    {
        var words = TextTokens.Words(place);
        if (place.Length == 3 && place.All(char.IsAsciiLetterUpper))
        {
            var byCode = options.FirstOrDefault(o => TextTokens.Words(o.Label()).Contains(place.ToLowerInvariant()));
            if (byCode is not null) return byCode;
        }
        var byWords = options.FirstOrDefault(o => words.All(TextTokens.Words(o.Label()).Contains));
        if (byWords is not null) return byWords;
        var ranked = await _scorer.RankAsync(place, ActionKind.Click, options, cancellationToken).ConfigureAwait(false);
        return ranked.Count > 0 ? ranked[0].Node : options[0];
    }

    private List<PlanStep> DateSteps(SkillStep step, PageNode node, DateOnly date)
    {
        var group = node.Role == "group" ? node : node.Ancestors().FirstOrDefault(a => a.Role == "group" && a.DescendantsAndSelf().Count(d => d.Role == "combobox") >= 2);
        if (node.Role != "textbox" && node.Role != "searchbox" && group is not null)
        {
            var steps = new List<PlanStep>();
            foreach (var select in group.DescendantsAndSelf().Where(d => d.Role == "combobox"))
            {
                var options = select.Children.Where(c => c.Role == "option").ToList();
                var part = DatePart(select, options);
                var wanted = part switch
                {
                    "day" => options.FirstOrDefault(o => LeadingNumber(o.Name) == date.Day.ToString(CultureInfo.InvariantCulture)),
                    "month" => options.FirstOrDefault(o => DateExpressionParser.MonthOf(TextTokens.Words(o.Name).FirstOrDefault() ?? "") == date.Month)
                        ?? options.FirstOrDefault(o => LeadingNumber(o.Name) == date.Month.ToString(CultureInfo.InvariantCulture)),
                    "year" => options.FirstOrDefault(o => o.Name.Contains(date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)),
                    _ => null,
                };
                if (wanted is not null) steps.Add(Step(ActionKind.Select, select, wanted.Name, $"{step} ({part})", $"the {part} of {step.Target}"));
            }
            if (steps.Count > 0) return steps;
        }
        var hint = $"{node.Placeholder} {node.Label()}".ToUpperInvariant();
        var format = hint.Contains("DD/MM/YYYY", StringComparison.Ordinal) ? "dd/MM/yyyy"
            : hint.Contains("MM/DD/YYYY", StringComparison.Ordinal) ? "MM/dd/yyyy"
            : hint.Contains("DD.MM.YYYY", StringComparison.Ordinal) ? "dd.MM.yyyy"
            : hint.Contains("DD-MM-YYYY", StringComparison.Ordinal) ? "dd-MM-yyyy"
            : "yyyy-MM-dd";
        _run.TypedDate = date;
        return [Step(ActionKind.Fill, node, date.ToString(format, CultureInfo.InvariantCulture), step.ToString(), step.Target)];
    }

    // Which part of a date a select holds: by its label, else by its options (1–31, month names, years).
    private static string? DatePart(PageNode select, List<PageNode> options)
    {
        var words = TextTokens.Words(select.Label());
        if (words.Contains("day")) return "day";
        if (words.Contains("month")) return "month";
        if (words.Contains("year")) return "year";
        if (options.Any(o => DateExpressionParser.MonthOf(TextTokens.Words(o.Name).FirstOrDefault() ?? "") is not null)) return "month";
        if (options.Any(o => LeadingNumber(o.Name) is { Length: 4 })) return "year";
        return options.Count >= 28 ? "day" : null;
    }

    private static string? LeadingNumber(string text)
    {
        var digits = new string(text.TrimStart().SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
    }

    private PlanDecision? Choose(SkillStep step, PageModel page)
    {
        var items = ResultListReader.Read(page);
        if (items.Count == 0) return Pause("waiting for the results") ?? Missing(step);
        var preference = _run.Slots.TryGetValue("preference", out var p) ? p : null;
        var chosen = ResultListReader.Choose(items, preference)!;
        var facts = string.Join(", ", new[]
        {
            chosen.Price is { } price ? $"price {price}" : null,
            chosen.DurationMinutes is { } d ? $"{d} min" : null,
            chosen.DepartureMinutes is { } t ? $"departs {t / 60:00}:{t % 60:00}" : null,
        }.Where(f => f is not null));
        _run.Advance();
        var what = preference is null ? "the first result" : $"the {preference} of {items.Count} results";
        return PlanDecision.Continue([Step(ActionKind.Click, chosen.Action, null, $"choose {what} ({facts})", step.Target)],
            $"read {items.Count} results; {what} is \"{chosen.Container.InnerText()}\"");
    }

    private async Task<PlanDecision?> ActOnAsync(SkillStep step, string? value, PageModel page, CancellationToken cancellationToken)
    {
        var action = step.Do switch
        {
            "select" => ActionKind.Select,
            "check" => ActionKind.Check,
            "uncheck" => ActionKind.Uncheck,
            "press" => ActionKind.Press,
            _ => ActionKind.Click,
        };
        var best = await BestAsync(step.Target, action, n => ElementScorer.RoleFit(action, n), page, cancellationToken, unused: false).ConfigureAwait(false);
        if (best is null) return Missing(step);
        _run.Advance();
        return PlanDecision.Continue([Step(action, best.Node, value, step.ToString(), step.Target, step.Tags)], best.Explain());
    }

    private async Task<PlanDecision?> CompleteAsync(SkillStep step, PlanningContext context, PageModel page, CancellationToken cancellationToken)
    {
        var identity = page.Observation.Location + "|" + page.MainHeading;
        if (_run.Phase == 1)
        {
            // The final button was pressed: done, unless the same page now shows what is wrong (fill again).
            var problem = page.All.Any(n => n.Role == "alert" && n.InnerText().Length > 0);
            if (identity != _run.FinalSignature || !problem)
            {
                _run.Advance();
                return null;
            }
            _run.Phase = 0;
            _run.FilledOnPage.Clear();
        }
        if (identity != _run.PageSignature)
        {
            _run.PageSignature = identity;
            _run.FilledOnPage.Clear();
            _run.SecretFilledOnPage = false;
        }
        var fills = await _forms.MatchAsync(page, context.Inputs, context.SecretNames, n => _run.FilledOnPage.Contains(KeyOf(n)), cancellationToken).ConfigureAwait(false);
        if (fills.Count > 0)
        {
            foreach (var fill in fills)
            {
                _run.FilledOnPage.Add(KeyOf(fill.Field));
                _run.SecretFilledOnPage |= fill.IsSecret;
            }
            _run.StalledForwards = 0;
            return PlanDecision.Continue([.. fills.Select(f => Step(ActionKind.Fill, f.Field, f.Value, $"fill \"{f.Field.Label()}\" from {(f.IsSecret ? "secret" : "input")} {f.Key}", $"the field for {FormInputMatcher.Humanize(f.Key)}"))],
                $"{fills.Count} empty field(s) match the inputs: {string.Join(", ", fills.Select(f => $"{f.Field.Label()} ← {f.Key} ({f.Score:0.00})"))}");
        }

        var buttons = page.All.Where(n => n.Role == "button" && !n.IsDisabled && n.IsOnScreen
            && !n.Ancestors().Any(a => OutsideContent.Contains(a.Role)) && !BackWords().IsMatch(n.Name)).ToList();
        var finalAllowed = _run.SecretFilledOnPage || context.SecretNames.Count == 0;
        if (finalAllowed && step.Final is not null)
        {
            var final = await _scorer.RankAsync(step.Final, ActionKind.Click, buttons, cancellationToken).ConfigureAwait(false);
            if (final.Count > 0 && final[0].Score >= 0.4)
            {
                _run.Phase = 1;
                _run.FinalSignature = identity;
                return PlanDecision.Continue([Step(ActionKind.Click, final[0].Node, null, $"finish: {step.Final}", step.Final, step.Tags)], final[0].Explain());
            }
        }
        var forward = (await _scorer.RankAsync(step.Target, ActionKind.Click, buttons, cancellationToken).ConfigureAwait(false)).ToList();
        if ((forward.Count == 0 || forward[0].Score < 0.3) && SubmitOfForm(page, buttons) is { } submit)
        {
            // No button says "continue", but the form we filled has its own action ("Review and pay"): the last one.
            forward.Insert(0, new GroundingCandidate(submit, 0.3, 0, 0));
        }
        if (forward.Count == 0 || forward[0].Score < 0.3)
        {
            return Pause("waiting for a button that goes on") ?? PlanDecision.GiveUp($"Nothing on \"{page.MainHeading}\" goes on: no button like \"{step.Target}\".");
        }
        if (_run.LastForwardSignature == identity)
        {
            if (++_run.StalledForwards > 2)
            {
                var alert = page.All.FirstOrDefault(n => n.Role == "alert" && n.InnerText().Length > 0)?.InnerText();
                return PlanDecision.GiveUp($"\"{forward[0].Node.Name}\" did not move on from \"{page.MainHeading}\"{(alert is null ? "" : $": the page says \"{alert}\"")}.");
            }
            if (_run.StalledForwards == 1 && Pause("the page has not changed yet") is { } pause) return pause;
        }
        else
        {
            _run.StalledForwards = 0;
        }
        _run.LastForwardSignature = identity;
        return PlanDecision.Continue([Step(ActionKind.Click, forward[0].Node, null, $"go on: {step.Target}", step.Target)], forward[0].Explain());
    }

    // The last button of the form that holds the page's text fields: its primary action.
    private static PageNode? SubmitOfForm(PageModel page, List<PageNode> buttons)
    {
        var form = page.All.FirstOrDefault(n => n.Role == "form" && n.DescendantsAndSelf().Any(d => d.Role is "textbox" or "combobox" or "spinbutton"));
        return form is null ? null : buttons.LastOrDefault(b => b.Ancestors().Contains(form));
    }

    private async Task<GroundingCandidate?> BestAsync(string description, ActionKind action, Func<PageNode, double> fit, PageModel page,
        CancellationToken cancellationToken, bool unused)
    {
        var best = await _scorer.BestAsync(description, action, fit, page.All, cancellationToken,
            n => IsExcluded(n) || (unused && _run.UsedFields.Contains(KeyOf(n)))).ConfigureAwait(false);
        return best is not null && best.Score >= _options.MinimumScore ? best : null;
    }

    private PlanDecision? Missing(SkillStep step)
    {
        if (Pause($"looking for {step.Target}") is { } pause) return pause;
        if (step.Optional)
        {
            _run.Advance();
            return null;
        }
        return PlanDecision.GiveUp($"Nothing on the page fits \"{step.Target}\" (step '{step.Do}').");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:back|previous|cancel|modify|edit|change|close|start over|start a new search|sign in|log in|remove|swap)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BackWords();
}
