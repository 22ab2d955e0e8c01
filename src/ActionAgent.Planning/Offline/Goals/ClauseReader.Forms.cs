using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>The form side of <see cref="ClauseReader"/>: fields to fill, items to commit, searches and sign-ins with their implied press, picks after a search.</summary>
internal sealed partial class ClauseReader
{
    private IReadOnlyList<SubGoal> Enter(Context c)
    {
        var settable = c.Verb is "set" or "change" or "update" or "switch" or "make" or "rename";
        if (settable && SettingsSplitPattern().Split(c.Rest) is { Length: > 1 } settings)
        {
            // "set the start date to A and the end date to B": one setting each.
            return [.. settings.SelectMany(setting => Enter(c with { Rest = setting }))];
        }
        if (ValueList(c, needsObject: false) is { } list) return list;
        if (!settable && ToProperName(c) is { } chosen) return chosen;
        if (c.Verb == "rename" && SetToPattern().Match(c.Rest) is { Success: true } rename)
        {
            // "rename the file "a.txt" to "b.txt"": the new name goes into the name field of that item, then is committed.
            var item = Clean(rename.Groups["t"].Value.Replace("\"", "", StringComparison.Ordinal));
            var name = new GoalValue(GoalValueKind.Text, Unquote(rename.Groups["v"].Value), "name");
            return [Make(c, ActionFamily.EnterText, "name", [name], GoalQualifiers.None, item, new(EffectKind.ValueSet, "name", name.Text)),
                    Implied(c, "rename", new(EffectKind.ItemAppeared, null, name.Text))];
        }
        var literal = PlainCommandParser.ParseClause($"{c.Verb} {c.Rest}");
        // "fill the form with name: Ada, email: …" names its fields: read them one by one below.
        if (literal?.Value?.Contains(':', StringComparison.Ordinal) == true && !literal.Value.Contains("://", StringComparison.Ordinal)) literal = null;
        if (literal is null && TypeIntoPattern().IsMatch(c.Rest) && !c.Rest.Contains(':', StringComparison.Ordinal)) literal = PlainCommandParser.ParseClause($"type {c.Rest}");
        if (literal is not { Action: ActionKind.Type or ActionKind.Fill } && settable && SetToPattern().Match(c.Rest) is { Success: true } set)
        {
            literal = new PlainCommand(ActionKind.Fill, set.Groups["t"].Value, Unquote(set.Groups["v"].Value), c.Clause);
        }
        if (literal is { Action: ActionKind.Type or ActionKind.Fill, Target: { } target, Value: { Length: > 0 } value })
        {
            var field = Analyse(target, places: false, countsAreQuantities: false, cutLabels: false);
            var kind = ClauseValues.Classify(value, field.Object);
            // "set the theme to dark": a word that is no value of its own kind is an option to choose.
            if (settable && kind == GoalValueKind.Text && !c.Rest.Contains('"', StringComparison.Ordinal))
            {
                return [Make(c, ActionFamily.Choose, field.Object, [new(GoalValueKind.Text, value, field.Object)], field.Qualifiers, field.Scope, new(EffectKind.Selected, field.Object, value))];
            }
            var goalValue = new GoalValue(kind, ClauseValues.Normalise(value, field.Object, _today), field.Object);
            return [Make(c, ActionFamily.EnterText, field.Object, [goalValue], field.Qualifiers, field.Scope, new(EffectKind.ValueSet, field.Object, goalValue.Text))];
        }
        var parts = Analyse(c.Rest, places: false, countsAreQuantities: false, cutLabels: true);
        if (parts.Values.Count == 0 && c.Verb == "update" && parts.Object.Length > 0)
        {
            // "…and update the cart": no new value is given, so nothing is typed; the control that updates it is pressed.
            return [Make(c, ActionFamily.Submit, parts.Object, [], parts.Qualifiers, parts.Scope, new(EffectKind.Navigated, parts.Object))];
        }
        if (parts.Values.Count == 0) return [Make(c, ActionFamily.EnterText, parts.Object, [], parts.Qualifiers, parts.Scope, new(EffectKind.ValueSet, parts.Object))];
        return Fills(c, parts.Values, parts.Object, parts.Scope, implied: false);
    }

    private IReadOnlyList<SubGoal> Commit(Context c)
    {
        var sense = c.Sense!;
        if (CartDestinationPattern().Match(c.Rest) is { Success: true } cart) return AddTo(c, cart.Groups["v"].Value, Clean(cart.Groups["t"].Value));
        if (ValueList(c, needsObject: true) is { } list) return [.. list, Implied(c, sense.Commit!, new(sense.CommitEffect, null))];
        var parts = Analyse(c.Rest, places: false, countsAreQuantities: false, cutLabels: true);
        var items = parts.Values.Where(v => v.Kind is GoalValueKind.Text or GoalValueKind.Placeholder).ToList();
        if (items.Count == 0 && PluralItems(c.Rest) is { } plural)
        {
            // "add the tags backend and design": each item typed and committed, each must appear.
            var kind = TextTokens.Words(c.Rest).FirstOrDefault(w => w is not ("the" or "my" or "some")) ?? "";
            return [.. plural.SelectMany(item => new[]
            {
                Make(c, ActionFamily.EnterText, kind, [item with { Label = kind }], GoalQualifiers.None, null, new(EffectKind.ValueSet, kind, item.Text)),
                Implied(c, sense.Commit!, new(sense.CommitEffect, kind, item.Text)),
            })];
        }
        var (target, scope) = (parts.Object, parts.Scope);
        // "on my list": the list is where the item goes, not a scope to look in.
        if (target.Length == 0 && scope is not null && ListWords().IsMatch(scope)) (target, scope) = (ClauseQualifiers.Strip(scope), null);
        if (target.Length == 0 && items.FirstOrDefault()?.Label is { } noun && noun is not ("name" or "to" or "from" or "username")) target = noun;
        if (parts.Values.Count == 0 && UnquotedItemPattern().Match(c.Rest) is { Success: true } m)
        {
            var item = Clean(m.Groups["v"].Value);
            var where = Clean(m.Groups["t"].Value);
            if (CartWords().IsMatch(where)) return AddTo(c, m.Groups["v"].Value, where);
            items = [new(GoalValueKind.Text, item, null)];
            target = where;
        }
        target = NamedPattern().Replace(target, "").Trim();
        // "a project called "Apollo" on the Starter plan": the plan is an option to choose as well.
        SubGoal? option = null;
        if (OnTheOptionPattern().Match(target) is { Success: true } on)
        {
            target = NamedPattern().Replace(target[..on.Index], "").Trim();
            var (kind, name) = (on.Groups["k"].Value.ToLowerInvariant(), on.Groups["v"].Value.Trim());
            option = Make(c, ActionFamily.Choose, kind, [new(GoalValueKind.Text, name, kind)], GoalQualifiers.None, null, new(EffectKind.Selected, kind, name));
        }
        // "reply "looks great" to the post by @ben": the post is where to write, the box is the verb's own.
        var byAuthor = ClauseQualifiers.ByAuthor(target);
        var authored = byAuthor is not null;
        if (byAuthor is { } by) (target, scope) = (c.Verb, scope is null ? by.Scope : $"{by.Scope} in {scope}");
        var result = new List<SubGoal>();
        if (items.Count == 0)
        {
            // "…, then create the workspace": no name or value is given, so nothing is typed; the control that creates it is pressed.
            if (parts.Values.Count == 0 && option is null && !authored)
            {
                return [Make(c, ActionFamily.Submit, target.Length > 0 ? target : c.Verb, [], parts.Qualifiers, scope, new(EffectKind.Navigated, NullIfEmpty(target)))];
            }
            result.AddRange(Fills(c, parts.Values, target, scope, implied: false));
            if (parts.Values.Count == 0) result.Add(Make(c, ActionFamily.EnterText, target, [], parts.Qualifiers, scope, new(EffectKind.ValueSet, NullIfEmpty(target))));
            if (option is not null) result.Add(option);
            result.Add(Implied(c, sense.Commit!, new(sense.CommitEffect, NullIfEmpty(target))));
            return result;
        }
        if (items.Count > 1 && items.Count == parts.Values.Count)
        {
            // Several items ("add "milk" and "eggs""): each is typed and committed, and each must appear.
            foreach (var item in items)
            {
                result.Add(Make(c, ActionFamily.EnterText, target, [item], parts.Qualifiers, scope, new(EffectKind.ValueSet, NullIfEmpty(target), item.Text)));
                result.Add(Implied(c, sense.Commit!, new(sense.CommitEffect, NullIfEmpty(target), item.Text)));
            }
            return result;
        }
        // One item with details (a date, a time): the item into the main field, each detail into its own, one commit.
        foreach (var value in parts.Values)
        {
            if (value == items[0]) result.Add(Make(c, ActionFamily.EnterText, target, [value], parts.Qualifiers, scope, new(EffectKind.ValueSet, NullIfEmpty(target), value.Text)));
            else result.AddRange(Fills(c, [value], "", scope, implied: false));
        }
        if (option is not null) result.Add(option);
        result.Add(Implied(c, sense.Commit!, new(sense.CommitEffect, NullIfEmpty(target), items[0].Text)) with { Scope = authored ? scope : null });
        return result;
    }

    /// <summary>
    /// "add "Thyme" to my favourites", "add the blue shirt to the cart", "add 2 of the cheapest chargers to the basket":
    /// no text is typed; the add control is pressed, in the row or card of the thing when one is named (of each, for "2 of").
    /// </summary>
    private IReadOnlyList<SubGoal> AddTo(Context c, string thingText, string where)
    {
        var control = $"{c.Verb} to {TextTokens.Words(where).Last()}";
        var product = Analyse(thingText, places: false, countsAreQuantities: true, cutLabels: false);
        var thing = product.Object.Length > 0 ? product.Object : product.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Text)?.Text;
        return [Make(c, ActionFamily.Activate, control, product.Values, product.Qualifiers, NullIfEmpty(thing), new(EffectKind.ItemAppeared, where, NullIfEmpty(thing)))];
    }

    private IReadOnlyList<SubGoal> Submit(Context c)
    {
        var sense = c.Sense!;
        // "log in as admin": an unquoted user name after "as" is a value too.
        var rest = sense.Commit is not null ? AsNamePattern().Replace(c.Rest, "as \"${v}\"") : c.Rest;
        // "create an account for Ana Lopes with email …": a person's name after "for" is the name to enter.
        GoalValue? person = null;
        if (sense.Query == QueryUse.None && ForPersonPattern().Match(rest) is { Success: true } who)
        {
            person = new GoalValue(GoalValueKind.Text, who.Groups["v"].Value, "name");
            rest = (rest[..who.Index] + rest[(who.Index + who.Length)..]).Trim();
        }
        if (sense.Query == QueryUse.Always && ArithmeticPattern().Match(rest.Trim()) is { Success: true } sum)
        {
            // "compute 7 × 6", "search for 2+2": an arithmetic expression is typed whole, not read as numbers and labels.
            var expression = new GoalValue(GoalValueKind.Text, sum.Groups["e"].Value.Trim(), "search");
            SubGoal typed = Make(c, ActionFamily.EnterText, "search", [expression], GoalQualifiers.None, null, new(EffectKind.ValueSet, "search", expression.Text));
            // The press is proven by the result in a field ("42" where "7 × 6" was), not by any change: a history list
            // that shows "7×6 = 42" beside an entry still reading "7× 6" is no answer.
            var answer = sense.CommitEffect == EffectKind.ScreenChanged && Evaluate(expression.Text) is { } computed ? new ExpectedEffect(EffectKind.ValueSet, null, computed) : new ExpectedEffect(sense.CommitEffect, null);
            return sense.Commit is not null
                ? [typed, Implied(c, sense.Commit, answer)]
                : [typed, Make(c, ActionFamily.Submit, c.Verb, [], GoalQualifiers.None, null, new(sense.Effect, null))];
        }
        var parts = Analyse(rest, places: sense.Query != QueryUse.None, countsAreQuantities: false, cutLabels: true);
        if (person is not null) parts = parts with { Values = [person, .. parts.Values] };
        var result = new List<SubGoal>();
        var pick = parts.Qualifiers is { Ordering: not null } or { Ordinal: not null } or { Quantity: not Quantity.One };
        if (sense.Query != QueryUse.None)
        {
            // "search for "wireless headphones"": quoted text with no field of its own is the query.
            parts = parts with { Values = [.. parts.Values.Select(v => v is { Kind: GoalValueKind.Text, Label: null } ? v with { Label = "search" } : v)] };
        }
        // "look up "reset password" in the help centre": the quoted text is the query; the words left name the place.
        var quoted = sense.Query != QueryUse.None && parts.Values.Any(v => v is { Kind: GoalValueKind.Text, Label: "search" });
        var typeQuery = parts.Object.Length > 0 && !pick && !quoted && (sense.Query == QueryUse.Always || (sense.Query == QueryUse.Alone && parts.Values.Count == 0));
        if (typeQuery)
        {
            var query = new GoalValue(GoalValueKind.Text, parts.Object, "search");
            result.Add(Make(c, ActionFamily.EnterText, "search", [query], GoalQualifiers.None, parts.Scope, new(EffectKind.ValueSet, "search", query.Text)));
        }
        if (parts.Values.Count > 0 || typeQuery)
        {
            var values = sense.Query == QueryUse.None && sense.Commit is null
                ? [.. parts.Values.Select(v => v is { Kind: GoalValueKind.Text, Label: null } ? v with { Label = "message" } : v)]
                : parts.Values;
            result.AddRange(Fills(c, values, parts.Object, null, implied: false));
            var subject = typeQuery || quoted ? null : NullIfEmpty(parts.Object);
            if (sense.Commit is not null) result.Add(Implied(c, sense.Commit, new(sense.CommitEffect, subject)));
            else result.Add(Make(c, ActionFamily.Submit, subject ?? c.Verb, [], GoalQualifiers.None, parts.Scope, new(sense.Effect, subject)));
        }
        else if (!pick)
        {
            return [Make(c, ActionFamily.Submit, parts.Object.Length > 0 ? parts.Object : c.Verb, [], parts.Qualifiers, parts.Scope, new(sense.Effect, NullIfEmpty(parts.Object)))];
        }
        if (pick) result.Add(Make(c, ActionFamily.Pick, parts.Object, [], parts.Qualifiers, parts.Scope, new(EffectKind.Selected, NullIfEmpty(parts.Object))));
        return result;
    }

    // A pick with route, date or count values first fills them and searches ("book the earliest flight from A to B").
    private IReadOnlyList<SubGoal> Pick(Context c, bool implied)
    {
        var parts = Analyse(c.Rest, places: true, countsAreQuantities: false, cutLabels: true);
        var result = new List<SubGoal>();
        // "leaving after 9:30" bounds the pick; it is no field to fill.
        var bounds = parts.Values.Where(v => v.Kind == GoalValueKind.Time && v.Label is "after" or "before" or "since").ToList();
        var fills = parts.Values.Except(bounds).ToList();
        if (fills.Count > 0)
        {
            result.AddRange(Fills(c, fills, parts.Object, null, implied));
            result.Add(Implied(c, "search", new(EffectKind.Navigated, NullIfEmpty(parts.Object))));
        }
        var obj = bounds.Count > 0 ? BoundVerbPattern().Replace(parts.Object, "").Trim() : parts.Object;
        if (result.Count == 0 && obj.Length == 0 && parts.Values.Count == 0 && parts.Qualifiers.IsEmpty && parts.Scope is null && c.Verb.Length > 0)
        {
            // "…, then order", "then book": nothing to pick from a list; the verb names the control that sends the choice.
            return [Make(c, ActionFamily.Submit, c.Verb, [], GoalQualifiers.None, null, new(EffectKind.Navigated))];
        }
        result.Add(Make(c, ActionFamily.Pick, obj, bounds, parts.Qualifiers, parts.Scope, new(EffectKind.Selected, NullIfEmpty(obj))));
        return result;
    }

    private static List<SubGoal> Fills(Context c, IReadOnlyList<GoalValue> values, string obj, string? scope, bool implied)
    {
        var result = new List<SubGoal>();
        foreach (var value in values)
        {
            var borrows = value.Kind is GoalValueKind.Text or GoalValueKind.Number or GoalValueKind.Placeholder && obj.Length > 0 && values.Count == 1;
            var field = value.Label ?? (borrows ? obj : value.Kind.ToString().ToLowerInvariant());
            var labelled = value with { Label = field };
            result.Add(Make(c, ActionFamily.EnterText, field, [labelled], GoalQualifiers.None, scope, new(EffectKind.ValueSet, field, value.Text)) with { Implied = implied });
        }
        return result;
    }

    /// <summary>The value of an arithmetic expression ("7 × 6" → "42", "(12.5 + 3) / 2" → "7.75"), or null when it has none.</summary>
    private static string? Evaluate(string expression)
    {
        var plain = expression.Replace('×', '*').Replace('x', '*').Replace('X', '*').Replace('÷', '/').Replace('−', '-').Replace(',', '.');
        try
        {
            using var table = new System.Data.DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
            var value = Convert.ToDecimal(table.Compute(plain, null), System.Globalization.CultureInfo.InvariantCulture);
            return value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Data.EvaluateException or System.Data.SyntaxErrorException or OverflowException or DivideByZeroException or InvalidCastException or FormatException)
        {
            return null;
        }
    }

    // Numbers joined by arithmetic operators, with optional brackets, and nothing else in the clause but an article
    // or "what is": "7 × 6", "(12.5 + 3) / 2", "the sum 2+2" does not match (words before it).
    // "… on the Starter plan", "… with the Dark theme", "… using the Blank template": a named option of a kind forms offer.
    [GeneratedRegex(@"\s+(?:on|with|using|in)\s+the\s+(?<v>[A-Z0-9][\w+-]*(?:\s+[A-Z0-9][\w+-]*)*)\s+(?<k>plan|tier|package|template|edition|subscription|theme|layout|option)$")]
    private static partial Regex OnTheOptionPattern();

    [GeneratedRegex(@"^(?:what\s+is\s+|what's\s+)?(?<e>[(\s]*-?\d+(?:[.,]\d+)?[)\s]*(?:[+\-−×x*/÷][(\s]*-?\d+(?:[.,]\d+)?[)\s]*)+)\??$", RegexOptions.IgnoreCase)]
    private static partial Regex ArithmeticPattern();
}
