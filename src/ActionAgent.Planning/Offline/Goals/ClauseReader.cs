using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>A verb found at the start of a clause: as written, how many words, its senses and how sure the match is.</summary>
internal sealed record VerbChoice(string Written, int WordCount, IReadOnlyList<VerbSense> Senses, double Confidence);

/// <summary>What one clause says: its sub-goals (indexes not yet set), how sure the reading is, and words not placed.</summary>
internal sealed record ClauseReading(IReadOnlyList<SubGoal> SubGoals, double Confidence, IReadOnlyList<string> Unparsed);

/// <summary>
/// Reads one imperative clause into sub-goals: the verb's sense gives the family; values, qualifiers and scope are
/// cut out; the words left are the object. Form verbs ("sign in", "find", "book") with values become one fill per
/// value, then the implied press of the control that sends them.
/// </summary>
internal sealed partial class ClauseReader(VerbLexicon lexicon, DateOnly today)
{
    /// <summary>Reads a clause whose verb was found (or guessed), or a verbless clause when <paramref name="verb"/> is null.</summary>
    /// <param name="clause">The clause, filler stripped.</param>
    /// <param name="verb">Its verb, or null.</param>
    /// <param name="referent">What "it" or "them" means: the item of the sub-goal before, when there is one.</param>
    public ClauseReading Read(string clause, VerbChoice? verb, string? referent = null)
    {
        var rest = verb is null ? clause : string.Join(' ', clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(verb.WordCount));
        rest = PronounPattern().Replace(rest, "");
        if (referent is not null && ItPattern().IsMatch(rest)) rest = ItPattern().Replace(rest, $"\"{referent}\"", 1);
        var verbText = verb?.Written ?? "";
        var sense = verb is null ? null : ChooseSense(verb.Senses, rest);
        var context = new Context(clause, verbText, rest, sense);
        IReadOnlyList<SubGoal> subGoals = sense?.Family switch
        {
            null => Verbless(context),
            ActionFamily.EnterText when sense.Commit is not null => Commit(context),
            ActionFamily.EnterText => Enter(context),
            ActionFamily.Choose => Choose(context),
            ActionFamily.Toggle => Toggle(context),
            ActionFamily.Submit => Submit(context),
            ActionFamily.Pick => Pick(context, implied: false),
            ActionFamily.Drag => Drag(context),
            _ => Simple(context),
        };
        var confidence = verb?.Confidence ?? (subGoals.Any(s => s.Family == ActionFamily.Pick) ? 0.6 : 0.35);
        return new(subGoals, confidence, []);
    }

    private sealed record Context(string Clause, string Verb, string Rest, VerbSense? Sense);

    private sealed record Parts(string Object, GoalQualifiers Qualifiers, string? Scope, IReadOnlyList<GoalValue> Values, ClauseValues Raw);

    private static VerbSense ChooseSense(IReadOnlyList<VerbSense> senses, string rest)
    {
        var words = TextTokens.Words(rest);
        var text = " " + string.Join(' ', words) + " ";
        return senses.FirstOrDefault(s => s.Objects.Count > 0 && s.Objects.Any(o => text.Contains(" " + o + " ", StringComparison.Ordinal)))
            ?? senses.FirstOrDefault(s => s.Objects.Count == 0)
            ?? senses[0];
    }

    // Values, qualifiers and scope cut out of the text; what is left names the object.
    private Parts Analyse(string text, bool places, bool countsAreQuantities, bool cutLabels)
    {
        var values = new ClauseValues(text, today, places);
        var masked = values.Text;
        var qualifiers = ClauseQualifiers.Read(ref masked, lexicon.Orderings, countsAreQuantities);
        values.Text = masked;
        values.ReadNumbers();
        if (cutLabels) values.CutLabels();
        masked = values.Text;
        var scope = ClauseQualifiers.ReadScope(ref masked, values);
        values.Text = masked;
        return new(Clean(ClauseValues.Unmasked(masked)), qualifiers, scope, values.Values, values);
    }

    private IReadOnlyList<SubGoal> Enter(Context c)
    {
        var settable = c.Verb is "set" or "change" or "update" or "switch" or "make" or "rename";
        if (settable && SettingsSplitPattern().Split(c.Rest) is { Length: > 1 } settings)
        {
            // "set the start date to A and the end date to B": one setting each.
            return [.. settings.SelectMany(setting => Enter(c with { Rest = setting }))];
        }
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
            var goalValue = new GoalValue(kind, ClauseValues.Normalise(value, field.Object, today), field.Object);
            return [Make(c, ActionFamily.EnterText, field.Object, [goalValue], field.Qualifiers, field.Scope, new(EffectKind.ValueSet, field.Object, goalValue.Text))];
        }
        var parts = Analyse(c.Rest, places: false, countsAreQuantities: false, cutLabels: true);
        if (parts.Values.Count == 0) return [Make(c, ActionFamily.EnterText, parts.Object, [], parts.Qualifiers, parts.Scope, new(EffectKind.ValueSet, parts.Object))];
        return Fills(c, parts.Values, parts.Object, parts.Scope, implied: false);
    }

    private IReadOnlyList<SubGoal> Commit(Context c)
    {
        var sense = c.Sense!;
        var parts = Analyse(c.Rest, places: false, countsAreQuantities: false, cutLabels: true);
        var items = parts.Values.Where(v => v.Kind is GoalValueKind.Text or GoalValueKind.Placeholder).ToList();
        var (target, scope) = (parts.Object, parts.Scope);
        // "on my list": the list is where the item goes, not a scope to look in.
        if (target.Length == 0 && scope is not null && ListWords().IsMatch(scope)) (target, scope) = (ClauseQualifiers.Strip(scope), null);
        if (target.Length == 0 && items.FirstOrDefault()?.Label is { } noun && noun is not ("name" or "to" or "from" or "username")) target = noun;
        if (parts.Values.Count == 0 && UnquotedItemPattern().Match(c.Rest) is { Success: true } m)
        {
            var item = Clean(m.Groups["v"].Value);
            var where = Clean(m.Groups["t"].Value);
            if (CartWords().IsMatch(where))
            {
                // "add the blue shirt to the cart": press the add-to-cart control of that product (of each, for "2 of").
                var control = $"{c.Verb} to {TextTokens.Words(where).Last()}";
                var product = Analyse(m.Groups["v"].Value, places: false, countsAreQuantities: true, cutLabels: false);
                return [Make(c, ActionFamily.Activate, control, product.Values, product.Qualifiers, product.Object, new(EffectKind.ItemAppeared, where, product.Object))];
            }
            items = [new(GoalValueKind.Text, item, null)];
            target = where;
        }
        target = NamedPattern().Replace(target, "").Trim();
        var result = new List<SubGoal>();
        if (items.Count == 0)
        {
            result.AddRange(Fills(c, parts.Values, target, scope, implied: false));
            if (parts.Values.Count == 0) result.Add(Make(c, ActionFamily.EnterText, target, [], parts.Qualifiers, scope, new(EffectKind.ValueSet, NullIfEmpty(target))));
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
        result.Add(Implied(c, sense.Commit!, new(sense.CommitEffect, NullIfEmpty(target), items[0].Text)));
        return result;
    }

    private IReadOnlyList<SubGoal> Choose(Context c)
    {
        var literal = PlainCommandParser.ParseClause($"{c.Verb} {c.Rest}");
        if (literal is { Action: ActionKind.Select, Target: { } target, Value: { Length: > 0 } written })
        {
            // "select the "Weekly" option in …": the option is the quoted text.
            var option = InnerQuotePattern().Match(written) is { Success: true } q ? q.Groups["q"].Value : OptionWordPattern().Replace(Clean(written), "");
            var field = Analyse(target, places: false, countsAreQuantities: false, cutLabels: false);
            var value = Option(option, field.Object);
            return [Make(c, ActionFamily.Choose, field.Object, [value], field.Qualifiers, field.Scope, new(EffectKind.Selected, field.Object, value.Text))];
        }
        var parts = Analyse(c.Rest, places: false, countsAreQuantities: true, cutLabels: false);
        var quoted = parts.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Text);
        if (quoted is not null) return [Make(c, ActionFamily.Choose, parts.Object, [quoted], parts.Qualifiers, parts.Scope, new(EffectKind.Selected, NullIfEmpty(parts.Object), quoted.Text))];
        if (!parts.Qualifiers.IsEmpty) return Pick(c, implied: false);
        return [Make(c, ActionFamily.Choose, parts.Object, parts.Values, parts.Qualifiers, parts.Scope, new(EffectKind.Selected, null, parts.Object))];
    }

    // An option keeps its kind: "pick 24 December in the calendar" chooses a date, "choose 14:30" a time.
    private GoalValue Option(string option, string? label)
    {
        var kind = ClauseValues.Classify(option, label);
        return kind is GoalValueKind.Date or GoalValueKind.Time or GoalValueKind.Number
            ? new(kind, ClauseValues.Normalise(option, label, today), NullIfEmpty(label))
            : new(GoalValueKind.Text, option, NullIfEmpty(label));
    }

    private IReadOnlyList<SubGoal> Toggle(Context c)
    {
        var state = c.Sense!.State;
        var rest = c.Rest;
        if (TrailingStatePattern().Match(rest) is { Success: true } m)
        {
            state = m.Groups["s"].Value.Equals("on", StringComparison.OrdinalIgnoreCase);
            rest = rest[..m.Index];
        }
        if (state is null && SetToPattern().Match(rest) is { Success: true } to && !to.Groups["v"].Value.Trim().Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            var field = Analyse(to.Groups["t"].Value, places: false, countsAreQuantities: false, cutLabels: false);
            var option = Unquote(to.Groups["v"].Value);
            return [Make(c, ActionFamily.Choose, field.Object, [new(GoalValueKind.Text, option, field.Object)], field.Qualifiers, field.Scope, new(EffectKind.Selected, field.Object, option))];
        }
        var parts = Analyse(rest, places: false, countsAreQuantities: true, cutLabels: false);
        var effect = state switch { true => EffectKind.Checked, false => EffectKind.Unchecked, null => c.Sense.Effect };
        var qualifiers = parts.Qualifiers with { DesiredState = state };
        return PerItem(c, ActionFamily.Toggle, parts, qualifiers, (subject, item) => new(effect, subject, item));
    }

    private IReadOnlyList<SubGoal> Submit(Context c)
    {
        var sense = c.Sense!;
        // "log in as admin": an unquoted user name after "as" is a value too.
        var rest = sense.Commit is not null ? AsNamePattern().Replace(c.Rest, "as \"${v}\"") : c.Rest;
        var parts = Analyse(rest, places: sense.Query != QueryUse.None, countsAreQuantities: false, cutLabels: true);
        var result = new List<SubGoal>();
        var pick = parts.Qualifiers is { Ordering: not null } or { Ordinal: not null } or { Quantity: not Quantity.One };
        if (sense.Query != QueryUse.None)
        {
            // "search for "wireless headphones"": quoted text with no field of its own is the query.
            parts = parts with { Values = [.. parts.Values.Select(v => v is { Kind: GoalValueKind.Text, Label: null } ? v with { Label = "search" } : v)] };
        }
        var typeQuery = parts.Object.Length > 0 && !pick && (sense.Query == QueryUse.Always || (sense.Query == QueryUse.Alone && parts.Values.Count == 0));
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
            var subject = typeQuery ? null : NullIfEmpty(parts.Object);
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
        if (parts.Values.Count > 0)
        {
            result.AddRange(Fills(c, parts.Values, parts.Object, null, implied));
            result.Add(Implied(c, "search", new(EffectKind.Navigated, NullIfEmpty(parts.Object))));
        }
        result.Add(Make(c, ActionFamily.Pick, parts.Object, [], parts.Qualifiers, parts.Scope, new(EffectKind.Selected, NullIfEmpty(parts.Object))));
        return result;
    }

    private IReadOnlyList<SubGoal> Verbless(Context c)
    {
        var parts = Analyse(c.Rest, places: true, countsAreQuantities: false, cutLabels: true);
        if (parts.Values.Count > 0 || !parts.Qualifiers.IsEmpty) return Pick(c, implied: false);
        return [Make(c, ActionFamily.Activate, parts.Object, [], parts.Qualifiers, parts.Scope, new(EffectKind.ScreenChanged, NullIfEmpty(parts.Object)))];
    }

    private IReadOnlyList<SubGoal> Drag(Context c)
    {
        var values = new ClauseValues(c.Rest, today, places: false);
        var m = DragPattern().Match(values.Text);
        if (!m.Success) return Simple(c);
        var thing = values.Restore(m.Groups["x"].Value);
        var parts = Analyse(thing, places: false, countsAreQuantities: true, cutLabels: false);
        var item = parts.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Text);
        var obj = parts.Object.Length > 0 ? parts.Object : item?.Text ?? "";
        var destination = Clean(ClauseValues.Unmasked(values.Restore(m.Groups["y"].Value, quoted: false)));
        if (ClauseValues.Classify(destination, null) == GoalValueKind.Number)
        {
            // "move the slider to 70": a value for the slider, however it is set.
            var number = new GoalValue(GoalValueKind.Number, ClauseValues.Normalise(destination, null, today), NullIfEmpty(obj));
            return [Make(c, ActionFamily.EnterText, obj, [number], parts.Qualifiers, parts.Scope, new(EffectKind.ValueSet, NullIfEmpty(obj), number.Text))];
        }
        var scope = m.Groups["from"].Success ? Clean(values.Restore(m.Groups["from"].Value, quoted: false)) : parts.Scope;
        return [Make(c, ActionFamily.Drag, obj, parts.Values, parts.Qualifiers, scope, new(EffectKind.ItemAppeared, destination, item?.Text ?? obj)) with { Destination = destination }];
    }

    private IReadOnlyList<SubGoal> Simple(Context c)
    {
        var sense = c.Sense!;
        var family = sense.Family;
        var rest = c.Rest;
        var disappear = false;
        if (family == ActionFamily.Wait && WaitEndPattern().Match(rest) is { Success: true } end)
        {
            disappear = end.Groups["gone"].Success;
            rest = rest[..end.Index];
        }
        var literal = family == ActionFamily.Activate ? PlainCommandParser.ParseClause($"{c.Verb} {rest}") : null;
        if (literal is { Action: ActionKind.Press, Value: { } key })
        {
            var on = literal.Target is { } t ? Analyse(t, false, false, false) : null;
            return [Make(c, ActionFamily.Activate, on?.Object ?? "", [new(GoalValueKind.Key, key, null)], GoalQualifiers.None, on?.Scope, new(EffectKind.ScreenChanged, NullIfEmpty(on?.Object), key))];
        }
        var parts = Analyse(rest, places: false, countsAreQuantities: family != ActionFamily.Filter, cutLabels: family == ActionFamily.Filter);
        var url = parts.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Url);
        if (url is not null && family is ActionFamily.Activate or ActionFamily.Navigate)
        {
            return [Make(c, ActionFamily.Navigate, parts.Object, [url], parts.Qualifiers, parts.Scope, new(EffectKind.Navigated, null, url.Text))];
        }
        if (sense.VerbIsTarget)
        {
            // The object's own words, with the values that name it ("the user "ana""), but not those it is sent with or to.
            var where = Clean(parts.Raw.Restore(parts.Raw.Text, quoted: false, v => v.Label is not (null or "to" or "from" or "with")));
            var scope = string.Join(" in ", new[] { where, parts.Scope }.Where(s => !string.IsNullOrEmpty(s)));
            return [Make(c, family, c.Verb, parts.Values, parts.Qualifiers, NullIfEmpty(scope), new(sense.Effect, c.Verb))];
        }
        var obj = parts.Object;
        var objectScope = parts.Scope;
        if (ClauseQualifiers.ByAuthor(obj) is { } byAuthor && family is ActionFamily.Remove or ActionFamily.Activate or ActionFamily.Read or ActionFamily.Expand)
        {
            (obj, objectScope) = (byAuthor.Object, objectScope is null ? byAuthor.Scope : $"{byAuthor.Scope} in {objectScope}");
        }
        if (family == ActionFamily.Expand) obj = StatePattern().Replace(obj, "").Trim();
        var trimmed = parts with { Object = obj, Scope = objectScope };
        return family switch
        {
            ActionFamily.Remove => PerItem(c, family, trimmed, parts.Qualifiers, (subject, item) => new(EffectKind.ItemDisappeared, subject, item ?? subject)),
            ActionFamily.Wait => PerItem(c, family, trimmed, parts.Qualifiers, (subject, item) => new(disappear ? EffectKind.ItemDisappeared : sense.Effect, disappear ? subject : null, item ?? subject)),
            ActionFamily.Filter or ActionFamily.Read => [Make(c, family, obj, parts.Values, parts.Qualifiers, objectScope, new(sense.Effect, NullIfEmpty(obj)))],
            _ => PerItem(c, family, trimmed, parts.Qualifiers, (subject, item) => new(sense.Effect, subject, item)),
        };
    }

    // Quoted items are each a target of their own ("tick off "Milk" and "Eggs"" is two toggles, each checked on screen).
    private List<SubGoal> PerItem(Context c, ActionFamily family, Parts parts, GoalQualifiers qualifiers, Func<string?, string?, ExpectedEffect> effect)
    {
        var items = parts.Values.Where(v => v.Kind == GoalValueKind.Text).ToList();
        var others = parts.Values.Where(v => v.Kind != GoalValueKind.Text).ToList();
        if (items.Count == 0) return [Make(c, family, parts.Object, others, qualifiers, parts.Scope, effect(NullIfEmpty(parts.Object), null))];
        var single = items.Count == 1 ? qualifiers : qualifiers with { Quantity = Quantity.One, Count = null };
        return [.. items.Select(item => Make(c, family, parts.Object.Length > 0 ? parts.Object : item.Text, [item, .. others], single, parts.Scope, effect(NullIfEmpty(parts.Object), item.Text)))];
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

    private static SubGoal Implied(Context c, string control, ExpectedEffect effect) =>
        Make(c, ActionFamily.Submit, control, [], GoalQualifiers.None, null, effect) with { Implied = true, Verb = "press" };

    private static SubGoal Make(Context c, ActionFamily family, string obj, IReadOnlyList<GoalValue> values, GoalQualifiers qualifiers, string? scope, ExpectedEffect effect) => new()
    {
        Index = 0,
        Family = family,
        Text = c.Clause,
        Verb = c.Verb.Length > 0 ? c.Verb : null,
        Object = obj,
        Values = values,
        Qualifiers = qualifiers,
        Scope = scope,
        Effect = effect,
    };

    /// <summary>Trims the words that only glue a phrase together ("the", "to", "as", "please") from both ends.</summary>
    public static string Clean(string text)
    {
        var words = text.Replace(',', ' ').Replace(';', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', '!', '?', ':')).Where(w => w.Length > 0).ToList();
        while (words.Count > 0 && Glue.Contains(words[0].ToLowerInvariant())) words.RemoveAt(0);
        while (words.Count > 0 && (Glue.Contains(words[^1].ToLowerInvariant()) || words[^1].Equals("one", StringComparison.OrdinalIgnoreCase)) &&
               !(words.Count > 1 && words[^1].ToLowerInvariant() is "in" or "on" or "me" or "us" or "up" or "out")) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> Glue = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "our", "their", "this", "that", "these", "those", "to", "on", "in", "into", "onto", "of", "for",
        "with", "from", "at", "as", "by", "me", "us", "it", "please", "and", "using", "via", "then", "is", "named", "called", "titled", "some", "any", "just",
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && value[0] is '"' or '“' or '\'' && value[^1] is '"' or '”' or '\'' ? value[1..^1] : value;
    }

    [GeneratedRegex(@"\bas\s+(?!(?:an?|the|my|a\s+guest|guest)\b|\$)(?<v>[^\s""“”,;]+)(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AsNamePattern();

    [GeneratedRegex("[\"“](?<q>[^\"”]+)[\"”]")]
    private static partial Regex InnerQuotePattern();

    [GeneratedRegex(@"\s+(?:option|value|entry|choice)$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionWordPattern();

    [GeneratedRegex(@"^(?:it|them|this|that(?:\s+one)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItPattern();

    [GeneratedRegex(@"^(?:me|us|myself)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PronounPattern();

    [GeneratedRegex(@"\s(?:into|in|on)\s", RegexOptions.IgnoreCase)]
    private static partial Regex TypeIntoPattern();

    [GeneratedRegex(@"^(?<t>.+?)\s+to\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SetToPattern();

    [GeneratedRegex(@"^(?<v>.+?)\s+(?:to|on|onto|in|into)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnquotedItemPattern();

    [GeneratedRegex(@"\b(?:cart|basket|bag|trolley|wishlist|wish\s+list|favou?rites|order)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CartWords();

    [GeneratedRegex(@"\b(?:list|lists|calendar|board|column|todos?|tasks|cart|basket|table|folder|playlist|queue|inbox|wishlist|notes|agenda|schedule)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"(?:,\s*|\s+and\s+)(?=(?:the\s+|my\s+)?[\w\- ]+?\s+to\s+\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SettingsSplitPattern();

    [GeneratedRegex(@"\s+(?:named|called|titled|with\s+the\s+name)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedPattern();

    [GeneratedRegex(@"\s+(?<s>on|off)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingStatePattern();

    [GeneratedRegex(@"^(?<x>.+?)\s+(?:from\s+(?<from>.+?)\s+)?(?:to|onto|into|over|on\s+to|on|above|below|before|after|next\s+to|under)\s+(?<y>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DragPattern();

    [GeneratedRegex(@"\s+(?:to\s+)?(?:(?<gone>disappears?|is\s+gone|goes\s+away|vanishes|vanish|closes|is\s+hidden|finishes|stops)|appears?|is\s+visible|is\s+shown|shows(?:\s+up)?|loads?|is\s+ready|comes\s+up)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WaitEndPattern();

    [GeneratedRegex(@"\b(?:collapsed|hidden|closed|folded)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StatePattern();
}
