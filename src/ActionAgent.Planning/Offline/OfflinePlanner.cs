using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// The embedded default planner: no key, no network. It classifies the goal (plain commands, or the closest skill by
/// embeddings), extracts slots, and then, at every call, looks at the current accessibility snapshot and returns the
/// next step or two, grounded to concrete targets (ref, role, exact name) with the semantic step kept in
/// <see cref="PlanStep.Description"/>. Cookie banners and busy pages are handled whenever they appear; after a failure
/// it replans from the current screen (other candidate, dismiss what blocks, or skip an optional step).
/// One instance serves one run.
/// </summary>
public sealed partial class OfflinePlanner : IPlanner
{
    private readonly ElementScorer _scorer;
    private readonly OfflinePlannerOptions _options;
    private readonly SlotExtractor _slotExtractor;
    private readonly EmbeddingIntentClassifier _classifier;
    private readonly FormInputMatcher _forms;
    private readonly RunState _run = new();

    /// <summary>Creates a planner over a sentence embedder.</summary>
    public OfflinePlanner(ITextEmbedder embedder, OfflinePlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _options = options ?? new OfflinePlannerOptions();
        _scorer = new ElementScorer(embedder);
        _slotExtractor = new SlotExtractor(_options.Time);
        _classifier = new EmbeddingIntentClassifier(_options.Skills ?? SkillCatalog.BuiltIn, embedder, _slotExtractor);
        _forms = new FormInputMatcher(_scorer);
        // The first call compares the goal with every skill's exemplars: they can be embedded while the browser starts.
        embedder.Prefetch([.. (_options.Skills ?? SkillCatalog.BuiltIn).Skills.SelectMany(s => s.Exemplars)]);
    }

    /// <inheritdoc />
    public string Name => "offline";

    /// <inheritdoc />
    /// <remarks>The offline planner reads the page's tree, never its picture.</remarks>
    public bool ReadsScreenshots => false;

    /// <summary>The intent of the goal, once the first call has classified it.</summary>
    public IntentResult? Intent => _run.Intent;

    /// <inheritdoc />
    public async Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_run.HintedInputs)
        {
            // A form's fields are matched to the inputs by their names' words: ready before the form is reached.
            _run.HintedInputs = true;
            if (context.Inputs.Count + context.SecretNames.Count > 0) _scorer.Embedder.Prefetch(FormInputMatcher.KeyTexts(context.Inputs, context.SecretNames));
        }
        // The goal was read once, by PrepareAsync while the app opened or here; a goal it cannot do ends the run.
        if (await (_run.Start ??= StartAsync(context, cancellationToken)).ConfigureAwait(false) is { } problem) return PlanDecision.GiveUp(problem);
        if (context.Observation is not { } observation) return PlanDecision.GiveUp("There is nothing on screen to plan from (no observation).");
        var page = PageModel.From(observation);
        PrefetchLabels(page);

        if (context.Failure is { } failure)
        {
            var recovery = _run.Search is not null && failure.Step.Action != ActionKind.WaitFor
                ? SearchStepFailed(failure, page)
                : await RecoverAsync(failure, page, cancellationToken).ConfigureAwait(false);
            if (recovery is not null) return recovery;
        }
        else
        {
            _run.TypedDate = null; // the date field took the typing
        }

        var interstitial = await DismissInterstitialAsync(page, cancellationToken).ConfigureAwait(false);
        if (interstitial is not null) return interstitial;
        if (WaitWhileBusy(page) is { } busy) return busy;
        if (_run.CalendarDate is { } day) return await PickFromCalendarAsync(day, page, cancellationToken).ConfigureAwait(false);

        if (_run.Search is not null) return await NextSearchStepAsync(context, page, cancellationToken).ConfigureAwait(false);
        return _run.Commands is not null
            ? await NextCommandAsync(context, page, cancellationToken).ConfigureAwait(false)
            : await NextSkillStepAsync(context, page, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var intent = await _classifier.ClassifyAsync(context.Goal, cancellationToken).ConfigureAwait(false);
        if (intent.Intent == EmbeddingIntentClassifier.Commands && PlainCommandParser.TryParse(context.Goal, out var commands))
        {
            return [.. commands.Select(c => new PlanStep
            {
                Action = c.Action,
                Target = c.Target is null ? null : ElementTarget.Describe(c.Target),
                Value = c.Value,
                Description = c.Text,
                Origin = Name,
            })];
        }
        var skill = (_options.Skills ?? SkillCatalog.BuiltIn).Skills.FirstOrDefault(s => s.Name == intent.Intent);
        if (skill is null) return [];
        return [.. skill.Steps
            .Where(s => s.When is null || intent.Slots.ContainsKey(s.When))
            .Select(s => new PlanStep
            {
                Action = s.Do switch
                {
                    "fill" => ActionKind.Fill,
                    "select" => ActionKind.Select,
                    "check" => ActionKind.Check,
                    "uncheck" => ActionKind.Uncheck,
                    "press" => ActionKind.Press,
                    _ => ActionKind.Click,
                },
                Target = ElementTarget.Describe(s.Target),
                Value = s.Value is null ? null : SubstituteSlots(s.Value, intent.Slots, out _),
                Description = s.ToString(),
                Tags = s.Tags,
                Origin = $"{Name}:{skill.Name}",
            })];
    }

    /// <summary>
    /// The page's labels are what this call and the next ones rank: the embedder may embed them in the background
    /// while the step is acted and observed (controls first; the elements a click could go to, which every action's
    /// pool is part of), so a later ranking finds most of them ready. The rankings themselves are unchanged.
    /// </summary>
    private void PrefetchLabels(PageModel page)
    {
        var labels = page.All.Where(n => PageModel.IsInteractive(n) || n.IsRolelessClickable).Select(n => n.Label()).Where(l => l.Length > 0).ToList();
        if (labels.Count > 0) _scorer.Embedder.Prefetch(labels);
    }

    /// <summary>Reads the goal (its intent, slots and sub-goals) before the first page is seen; the first call finds it done.</summary>
    public Task PrepareAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _run.Start ??= StartAsync(context, cancellationToken);
    }

    private async Task<string?> StartAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var intent = await _classifier.ClassifyAsync(context.Goal, cancellationToken).ConfigureAwait(false);
        _run.Intent = intent;
        _run.Slots = new Dictionary<string, string>(intent.Slots, StringComparer.Ordinal);
        var subGoals = await SubGoalsAsync(context, cancellationToken).ConfigureAwait(false);
        if (intent.Intent == EmbeddingIntentClassifier.Commands && subGoals.All(IsPlainCommand))
        {
            // Literal commands ("type Ada into Name and click Submit") keep their direct path: each one names its target.
            PlainCommandParser.TryParse(context.Goal, out var commands);
            _run.Commands = commands;
            _run.CommandSubGoals = subGoals;
            return null;
        }
        var skill = (_options.Skills ?? SkillCatalog.BuiltIn).Skills.FirstOrDefault(s => s.Name == intent.Intent);
        if (subGoals.Count > 0 && !UseAsMacro(skill, intent))
        {
            // The general path: the goal's sub-goals, each searched for on the page and verified by its effect.
            _run.Search = new SearchState(subGoals);
            return null;
        }
        if (skill is null)
        {
            return $"The offline planner does not know how to do \"{context.Goal}\": it is not a list of commands (click, type … into …, select … from …, check, press, go to) and no skill is close enough (best {intent.Confidence:0.00}). Add a skill (--skills DIR) or write explicit steps.";
        }
        var missing = skill.Requires.Where(r => !_run.Slots.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return $"The goal looks like '{skill.Name}' but does not say its {string.Join(", ", missing)} (found: {(intent.Slots.Count == 0 ? "nothing" : string.Join(", ", intent.Slots.Select(p => $"{p.Key}={p.Value}")))}).";
        }
        _run.Skill = skill;
        return null;
    }

    /// <summary>The engine's sub-goals for the goal, else the planner's own interpreter's, else none.</summary>
    private async Task<IReadOnlyList<Core.Goals.SubGoal>> SubGoalsAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        if (context.SubGoals.Count > 0) return context.SubGoals;
        if (_options.Interpreter is not { } interpreter) return [];
        var interpretation = await interpreter.InterpretAsync(context.Goal, cancellationToken).ConfigureAwait(false);
        return interpretation.SubGoals;
    }

    /// <summary>A sub-goal a literal command says all of: one named target, no ordinal, quantity, scope or item to commit.</summary>
    private static bool IsPlainCommand(Core.Goals.SubGoal goal) =>
        goal.Qualifiers.IsEmpty && goal.Scope is null && goal.Effect.Kind is not (Core.Goals.EffectKind.ItemAppeared or Core.Goals.EffectKind.ItemDisappeared) &&
        goal.Family is Core.Goals.ActionFamily.Activate or Core.Goals.ActionFamily.EnterText or Core.Goals.ActionFamily.Choose or Core.Goals.ActionFamily.Toggle
            or Core.Goals.ActionFamily.Navigate or Core.Goals.ActionFamily.Scroll or Core.Goals.ActionFamily.Hover or Core.Goals.ActionFamily.Wait;

    /// <summary>A skill runs as a macro when the goal matches it well: close to its exemplars, or all of its several slots found.</summary>
    private bool UseAsMacro(Skill? skill, IntentResult intent) =>
        skill is not null && skill.Requires.All(_run.Slots.ContainsKey) &&
        (intent.Confidence >= _options.MacroConfidence || skill.Requires.Count >= 2);

    /// <summary>Replaces <c>{slot}</c> with slot values; <c>${inputs.x}</c> placeholders are left for the engine.</summary>
    internal static string SubstituteSlots(string template, IReadOnlyDictionary<string, string> slots, out List<string> missing)
    {
        var found = new List<string>();
        var result = System.Text.RegularExpressions.Regex.Replace(template, @"(?<!\$)\{(?<slot>[a-z_0-9]+)\}", m =>
        {
            var name = m.Groups["slot"].Value;
            if (slots.TryGetValue(name, out var value)) return value;
            found.Add(name);
            return "";
        });
        missing = found;
        return result;
    }

    private PlanStep Step(ActionKind action, PageNode? node, string? value, string description, string? targetDescription = null, IReadOnlyList<string>? tags = null) => new()
    {
        Action = action,
        Target = node is null ? null : AccessibilityGrounder.ToTarget(node, targetDescription ?? description),
        Value = value,
        Description = description,
        Tags = tags ?? [],
        Origin = _run.Skill is null ? Name : $"{Name}:{_run.Skill.Name}",
    };

    /// <summary>What the planner remembers between calls of one run.</summary>
    private sealed class RunState
    {
        /// <summary>The goal's reading (null: it can be done; else why not), started by the first of PrepareAsync and NextAsync.</summary>
        public Task<string?>? Start { get; set; }

        /// <summary>Whether the inputs' names were handed to the embedder to embed ahead.</summary>
        public bool HintedInputs { get; set; }

        public IntentResult? Intent { get; set; }
        public Dictionary<string, string> Slots { get; set; } = new(StringComparer.Ordinal);
        public Skill? Skill { get; set; }
        public IReadOnlyList<PlainCommand>? Commands { get; set; }

        /// <summary>The goal's sub-goals, kept for a literal command whose target the page does not show: the search takes over.</summary>
        public IReadOnlyList<Core.Goals.SubGoal> CommandSubGoals { get; set; } = [];
        public SearchState? Search { get; set; }
        public int Index { get; set; }
        public int LastIndex { get; set; }
        public int LastPhase { get; set; }
        public int Phase { get; set; }
        public int Waits { get; set; }
        public int Attempts { get; set; }
        public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);
        public HashSet<string> UsedFields { get; } = new(StringComparer.Ordinal);
        public HashSet<string> DismissedInterstitials { get; } = new(StringComparer.Ordinal);
        public HashSet<string> IgnoredWaits { get; } = new(StringComparer.Ordinal);
        public PageNode? ActiveField { get; set; }
        public string? ActiveFieldKey { get; set; }
        public string? LastForwardSignature { get; set; }
        public int StalledForwards { get; set; }
        public HashSet<string> FilledOnPage { get; } = new(StringComparer.Ordinal);
        public bool SecretFilledOnPage { get; set; }
        public string? PageSignature { get; set; }
        public string? FinalSignature { get; set; }

        /// <summary>The date just typed into a date field (kept for one call, in case the field refuses typing).</summary>
        public DateOnly? TypedDate { get; set; }

        /// <summary>The date to choose on an open calendar, and how many months were turned looking for it.</summary>
        public DateOnly? CalendarDate { get; set; }

        public int CalendarMoves { get; set; }

        public void Advance()
        {
            Index++;
            Phase = 0;
            Waits = 0;
            Attempts = 0;
            Excluded.Clear();
            ActiveField = null;
            ActiveFieldKey = null;
        }
    }

    private static string KeyOf(PageNode node) => $"{node.Role}:{node.Name}:{node.NearbyText}";
}
