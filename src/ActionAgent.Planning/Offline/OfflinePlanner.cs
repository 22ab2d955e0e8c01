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
    }

    /// <inheritdoc />
    public string Name => "offline";

    /// <summary>The intent of the goal, once the first call has classified it.</summary>
    public IntentResult? Intent => _run.Intent;

    /// <inheritdoc />
    public async Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_run.Intent is null)
        {
            var problem = await StartAsync(context, cancellationToken).ConfigureAwait(false);
            if (problem is not null) return PlanDecision.GiveUp(problem);
        }
        if (context.Observation is not { } observation) return PlanDecision.GiveUp("There is nothing on screen to plan from (no observation).");
        var page = PageModel.From(observation);

        if (context.Failure is { } failure)
        {
            var recovery = await RecoverAsync(failure, page, cancellationToken).ConfigureAwait(false);
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

    private async Task<string?> StartAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var intent = await _classifier.ClassifyAsync(context.Goal, cancellationToken).ConfigureAwait(false);
        _run.Intent = intent;
        _run.Slots = new Dictionary<string, string>(intent.Slots, StringComparer.Ordinal);
        if (intent.Intent == EmbeddingIntentClassifier.Commands)
        {
            PlainCommandParser.TryParse(context.Goal, out var commands);
            _run.Commands = commands;
            return null;
        }
        var skill = (_options.Skills ?? SkillCatalog.BuiltIn).Skills.FirstOrDefault(s => s.Name == intent.Intent);
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
        public IntentResult? Intent { get; set; }
        public Dictionary<string, string> Slots { get; set; } = new(StringComparer.Ordinal);
        public Skill? Skill { get; set; }
        public IReadOnlyList<PlainCommand>? Commands { get; set; }
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
