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
    private readonly VerbLexicon _lexicon = lexicon;
    private readonly DateOnly _today = today;

    /// <summary>Reads a clause whose verb was found (or guessed), or a verbless clause when <paramref name="verb"/> is null.</summary>
    /// <param name="clause">The clause, filler stripped.</param>
    /// <param name="verb">Its verb, or null.</param>
    /// <param name="referent">What "it" or "them" means: the item of the sub-goal before, when there is one.</param>
    /// <param name="referentIsOption">
    /// The referent is an option just chosen or a box just ticked ("choose the Large size and add it to the cart"):
    /// "it" sent to a cart then means the thing the page offers with that option, not the option.
    /// </param>
    public ClauseReading Read(string clause, VerbChoice? verb, string? referent = null, bool referentIsOption = false)
    {
        var rest = verb is null ? clause : string.Join(' ', clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(verb.WordCount));
        rest = PronounPattern().Replace(rest, "");
        // "save it", "send it": a pronoun after a verb that only sends the form names no item of its own.
        var sendsOnly = verb is not null && verb.Senses.All(s => s.Family == ActionFamily.Submit && s.Commit is null && s.Query == QueryUse.None);
        if (sendsOnly && ItPattern().IsMatch(rest)) rest = ItPattern().Replace(rest, "", 1).Trim();
        else if (referentIsOption && ItPattern().IsMatch(rest) && CartDestinationPattern().IsMatch(rest)) rest = ItPattern().Replace(rest, "", 1).Trim();
        else if (referent is not null && ItPattern().IsMatch(rest)) rest = ItPattern().Replace(rest, $"\"{referent}\"", 1);
        // "… and open its form": the form of the item before; it is looked for in what that item holds.
        var possessor = referent is not null && ItsPattern().IsMatch(rest) ? referent : null;
        if (possessor is not null) rest = ItsPattern().Replace(rest, "the ", 1);
        var verbText = verb?.Written ?? "";
        var sense = verb is null ? null : ChooseSense(verb.Senses, rest);
        var context = new Context(clause, verbText, rest, sense);
        IReadOnlyList<SubGoal> subGoals = (verb is null ? null : MenuPath(context) ?? Placement(context) ?? Answer(context) ?? Setting(context)) ?? sense?.Family switch
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
        if (possessor is not null) subGoals = [.. subGoals.Select(g => g.Scope is null ? g with { Scope = possessor } : g)];
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
        // "in Documents > 2026": a path of places is the scope, whole (its numbers are names, not values).
        string? path = null;
        if (PathScopePattern().Match(text) is { Success: true } p)
        {
            path = Regex.Replace(p.Groups["p"].Value.Trim(), @"\s*([>›»])\s*", " $1 ");
            text = (text[..p.Index] + " " + text[(p.Index + p.Length)..]).Trim();
        }
        var values = new ClauseValues(text, _today, places);
        var masked = values.Text;
        var qualifiers = ClauseQualifiers.Read(ref masked, _lexicon.Orderings, countsAreQuantities);
        values.Text = masked;
        values.ReadNumbers();
        if (cutLabels) values.CutLabels();
        masked = values.Text;
        var scope = ClauseQualifiers.ReadScope(ref masked, values);
        if (path is not null) scope = scope is null ? path : $"{path} in {scope}";
        values.Text = masked;
        return new(Clean(ClauseValues.Unmasked(masked)), qualifiers, scope, values.Values, values);
    }

    private IReadOnlyList<SubGoal> Choose(Context c)
    {
        if (OnlyThese(c) is { } only) return only;
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
            ? new(kind, ClauseValues.Normalise(option, label, _today), NullIfEmpty(label))
            : new(GoalValueKind.Text, option, NullIfEmpty(label));
    }

    private IReadOnlyList<SubGoal> Toggle(Context c)
    {
        if (c.Sense!.State != false && OnlyThese(c) is { } only) return only;
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
        if (c.Verb.Equals("mark", StringComparison.OrdinalIgnoreCase) && MarkAsPattern().Match(rest) is { Success: true } mark)
        {
            // "Mark the review by Dev as helpful": no box to tick; the control that says "helpful", in that review.
            var thing = Analyse(mark.Groups["x"].Value, places: false, countsAreQuantities: true, cutLabels: false);
            var where = string.Join(" ", new[] { thing.Object, thing.Scope }.Where(w => !string.IsNullOrEmpty(w)));
            var control = mark.Groups["y"].Value.Trim();
            return [Make(c, ActionFamily.Activate, control, thing.Values, thing.Qualifiers, NullIfEmpty(where), new(EffectKind.ScreenChanged, control))];
        }
        var parts = Analyse(rest, places: false, countsAreQuantities: true, cutLabels: false);
        var effect = state switch { true => EffectKind.Checked, false => EffectKind.Unchecked, null => c.Sense.Effect };
        var qualifiers = parts.Qualifiers with { DesiredState = state };
        return PerItem(c, ActionFamily.Toggle, parts, qualifiers, (subject, item) => new(effect, subject, item));
    }

    /// <summary>
    /// "Select only cheese and olives as toppings": each named box ticked, and every other box of the group cleared
    /// (one sub-goal whose values, labelled "except", are the boxes to leave). Null when the clause says no "only".
    /// </summary>
    private static List<SubGoal>? OnlyThese(Context c)
    {
        if (OnlyPattern().Match(c.Rest) is not { Success: true } m) return null;
        var items = ListSplitPattern().Split(m.Groups["items"].Value).Select(i => Unquote(Clean(i))).Where(i => i.Length > 0).ToList();
        if (items.Count == 0) return null;
        var group = m.Groups["group"].Success ? Clean(m.Groups["group"].Value) : "";
        var result = items.Select(item => Make(c, ActionFamily.Toggle, item, [new(GoalValueKind.Text, item, null)], GoalQualifiers.None with { DesiredState = true }, null,
            new(EffectKind.Checked, null, item))).ToList();
        result.Add(Make(c, ActionFamily.Toggle, group, [.. items.Select(i => new GoalValue(GoalValueKind.Text, i, GoalValue.ExceptLabel))],
            GoalQualifiers.None with { Quantity = Quantity.All, DesiredState = false }, null, new(EffectKind.Unchecked, NullIfEmpty(group))));
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
        var values = new ClauseValues(c.Rest, _today, places: false);
        var m = DragPattern().Match(values.Text);
        if (!m.Success) return Simple(c);
        var thing = values.Restore(m.Groups["x"].Value);
        var parts = Analyse(thing, places: false, countsAreQuantities: true, cutLabels: false);
        var item = parts.Values.FirstOrDefault(v => v.Kind == GoalValueKind.Text);
        var obj = parts.Object.Length > 0 ? parts.Object : item?.Text ?? "";
        var destination = Place(ClauseValues.Unmasked(values.Restore(m.Groups["y"].Value, quoted: false)));
        if (ClauseValues.Classify(destination, null) == GoalValueKind.Number)
        {
            // "move the slider to 70": a value for the slider, however it is set.
            var number = new GoalValue(GoalValueKind.Number, ClauseValues.Normalise(destination, null, _today), NullIfEmpty(obj));
            return [Make(c, ActionFamily.EnterText, obj, [number], parts.Qualifiers, parts.Scope, new(EffectKind.ValueSet, NullIfEmpty(obj), number.Text))];
        }
        var scope = m.Groups["from"].Success ? Clean(values.Restore(m.Groups["from"].Value, quoted: false)) : parts.Scope;
        return [Make(c, ActionFamily.Drag, obj, parts.Values, parts.Qualifiers, scope, new(EffectKind.Moved, destination, item?.Text ?? obj)) with { Destination = destination }];
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
        if (family is ActionFamily.Expand or ActionFamily.Activate && objectScope is null &&
            Clean(parts.Raw.Restore(parts.Raw.Text, quoted: false, v => v.Kind == GoalValueKind.Number)) is var restored &&
            restored != obj && OfNamePattern().Match(restored) is { Success: true } numbered && numbered.Groups["y"].Value.Any(char.IsAsciiDigit))
        {
            // "the details of the Fibre 100 package": the number is part of the name, not a value to enter.
            (obj, objectScope) = (numbered.Groups["x"].Value, numbered.Groups["y"].Value);
            parts = parts with { Values = [.. parts.Values.Where(v => v.Kind != GoalValueKind.Number)] };
        }
        else if (family is ActionFamily.Expand or ActionFamily.Activate && objectScope is null && OfNamePattern().Match(obj) is { Success: true } of)
        {
            // "the details of the Basic plan": the details are the object, the Basic plan is where they are.
            (obj, objectScope) = (of.Groups["x"].Value, of.Groups["y"].Value);
        }
        if (family == ActionFamily.Remove && !parts.Values.Any(v => v.Kind == GoalValueKind.Text) && KindThenNamePattern().Match(obj) is { Success: true } named)
        {
            // "Remove the user Rob Smith": a kind of thing, then its name; the name is the item that must go.
            var item = new GoalValue(GoalValueKind.Text, named.Groups["name"].Value, named.Groups["kind"].Value);
            parts = parts with { Values = [item, .. parts.Values] };
            obj = named.Groups["kind"].Value;
        }
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

    // Two to four capitalised words, followed by the next value ("with", "and", "using"), a comma or the end.
    [GeneratedRegex(@"\b(?:in|under|inside|within|from)\s+(?:the\s+)?(?<p>[^\s>›»""“”,;]+(?:\s+[^\s>›»""“”,;]+)?(?:\s*[>›»]\s*[^\s>›»""“”,;]+(?:\s+[^\s>›»""“”,;]+)?)+)(?=\s*(?:,|;|$|\band\b|\bthen\b))", RegexOptions.IgnoreCase)]
    private static partial Regex PathScopePattern();

    [GeneratedRegex(@"\bfor\s+(?<v>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3})(?=\s+(?:with|and|using)\b|\s*,|\s*$)")]
    private static partial Regex ForPersonPattern();

    [GeneratedRegex(@"\bas\s+(?!(?:an?|the|my|a\s+guest|guest)\b|\$)(?<v>[^\s""“”,;]+)(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AsNamePattern();

    [GeneratedRegex("[\"“](?<q>[^\"”]+)[\"”]")]
    private static partial Regex InnerQuotePattern();

    [GeneratedRegex(@"\s+(?:option|value|entry|choice)$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionWordPattern();

    [GeneratedRegex(@"^(?:it|them|this|that(?:\s+one)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItPattern();

    [GeneratedRegex(@"^(?:its|their)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ItsPattern();

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

    // "… to the cart", "… to my favourites": a place things are added to by a control of their own, not a list typed into.
    [GeneratedRegex(@"^(?<v>.*?)\s*\b(?:to|into|in|on|onto)\s+(?:the\s+|my\s+|your\s+|our\s+)?(?<t>(?:shopping\s+)?(?:cart|basket|bag|trolley|wishlist|wish\s+list|favou?rites|saved\s+items|watchlist|watch\s+list))\s*[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex CartDestinationPattern();

    [GeneratedRegex(@"\b(?:list|lists|calendar|board|column|todos?|tasks|cart|basket|table|folder|playlist|queue|inbox|wishlist|notes|agenda|schedule)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"(?:,\s*|\s+and\s+)(?=(?:the\s+|my\s+)?[\w\- ]+?\s+to\s+\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SettingsSplitPattern();

    [GeneratedRegex(@"\s+(?:named|called|titled|with\s+the\s+name)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedPattern();

    [GeneratedRegex(@"^only\s+(?<items>.+?)(?:\s+(?:as|from|among|in|of)\s+(?:the\s+|my\s+|your\s+)?(?<group>[\w\- ]+?))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyPattern();

    [GeneratedRegex(@"\s+(?<s>on|off)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingStatePattern();

    [GeneratedRegex(@"^(?<x>.+?)\s+(?:from\s+(?<from>.+?)\s+)?(?:to|onto|into|over|on\s+to|on|above|below|before|after|next\s+to|under)\s+(?<y>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DragPattern();

    [GeneratedRegex(@"\s+(?:to\s+)?(?:(?<gone>disappears?|is\s+gone|goes\s+away|vanishes|vanish|closes|is\s+hidden|finishes|stops)|appears?|is\s+visible|is\s+shown|shows(?:\s+up)?|loads?|is\s+ready|comes\s+up)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WaitEndPattern();

    [GeneratedRegex(@"^(?<x>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s+of\s+(?:the\s+|my\s+)?(?<y>(?:[a-z][\w\-]*\s+)?[A-Z][\w\-]*(?:\s+[\w\-]+){0,2})$")]
    private static partial Regex OfNamePattern();

    [GeneratedRegex(@"^(?<x>.+?)\s+as\s+(?<y>(?!(?:done|complete|completed|finished|read|unread|checked|ticked|selected)\b)[a-z][\w\- ]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkAsPattern();

    [GeneratedRegex(@"^(?<kind>[a-z][\w\-]*)\s+(?<name>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})$")]
    private static partial Regex KindThenNamePattern();

    [GeneratedRegex(@"\b(?:collapsed|hidden|closed|folded)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StatePattern();
}
