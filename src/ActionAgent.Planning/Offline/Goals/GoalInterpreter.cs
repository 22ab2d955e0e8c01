using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>
/// Reads any imperative English goal as ordered sub-goals: splits it into clauses, finds each clause's verb in the
/// verb data (<c>verbs.yaml</c>, extendable by the user), maps a verb it does not know to the nearest known verb by
/// MiniLM embeddings, and cuts values, qualifiers, scopes and the object out of each clause. Forms imply their commit
/// ("sign in as … with …" is two fills and the press of the sign-in control, marked <see cref="SubGoal.Implied"/>).
/// It never refuses: a goal it cannot read comes back as a best guess with low confidence and the unplaced words.
/// </summary>
public sealed class GoalInterpreter : IGoalInterpreter
{
    private readonly ITextEmbedder _embedder;
    private readonly GoalInterpreterOptions _options;
    private readonly VerbLexicon _lexicon;
    private readonly SemaphoreSlim _vectorsGate = new(1, 1);
    private (string Phrase, float[] Vector)[]? _verbVectors;

    /// <summary>Creates an interpreter with the built-in verbs plus <see cref="GoalInterpreterOptions.ExtraVerbFiles"/>.</summary>
    /// <exception cref="FormatException">A verbs file is invalid; the message names the file and the entry.</exception>
    public GoalInterpreter(ITextEmbedder embedder, GoalInterpreterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        _options = options ?? new GoalInterpreterOptions();
        _lexicon = VerbLexicon.Load(_options.ExtraVerbFiles);
    }

    /// <inheritdoc />
    public async Task<GoalInterpretation> InterpretAsync(string goal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var today = DateOnly.FromDateTime(_options.Time.GetLocalNow().DateTime);
        var reader = new ClauseReader(_lexicon, today);
        var subGoals = new List<SubGoal>();
        var unparsed = new List<string>();
        var confidence = 1.0;
        SubGoal? pendingCommit = null;
        string? goalScope = null;
        var clauses = ClauseSplitter.Split(goal, _lexicon).ToList();
        foreach (var clause in clauses)
        {
            var text = Filler.Strip(clause.Text);
            if (text.Length == 0) continue;
            if (subGoals.Count == 0 && goalScope is null && clause != clauses[^1] && ClauseReader.WholeGoalScope(text) is { } place)
            {
                goalScope = place; // "In the survey, …": where the rest happens
                continue;
            }
            var (verb, guessed) = await FindVerbAsync(text, cancellationToken).ConfigureAwait(false);
            var previous = subGoals.LastOrDefault();
            var referent = previous is not null ? previous.Effect.Value ?? NullIfEmpty(previous.Object) : null;
            var referentIsOption = previous?.Family is ActionFamily.Choose or ActionFamily.Toggle;
            if (pendingCommit?.Effect.Value is { } committed) (referent, referentIsOption) = (committed, false);
            var reading = reader.Read(text, verb, referent, referentIsOption);
            confidence = Math.Min(confidence, reading.Confidence);
            if (guessed) unparsed.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

            // An implied commit waits for the form steps joined to it by "and" ("sign up as … and agree to the rules").
            var steps = reading.SubGoals.Select(s => goalScope is not null && s.Scope is null ? s with { Scope = goalScope } : s).ToList();
            if (subGoals.Count > 0 && steps is [{ Family: ActionFamily.Submit, Verb: "confirm" } confirm] && ConfirmsTheStepBefore(confirm))
            {
                // "Delete the draft and confirm": the confirmation belongs to the step before (a dialog it may open);
                // that step's own effect is the evidence, and nothing is pressed when no dialog asks.
                steps[0] = confirm with { Optional = true };
            }
            else if (pendingCommit is not null && !clause.AfterThen && steps is [{ Family: ActionFamily.Submit, Implied: false, Values.Count: 0 }])
            {
                // "… and save it": the press the goal names replaces the one it implied.
                pendingCommit = null;
            }
            if (pendingCommit is not null && (clause.AfterThen || !steps.All(IsFormStep)))
            {
                subGoals.Add(pendingCommit);
                pendingCommit = null;
            }
            if (steps.Count > 0 && steps[^1] is { Implied: true, Family: ActionFamily.Submit } commit && steps.Take(steps.Count - 1).All(IsFormStep) && steps.Count > 1)
            {
                steps.RemoveAt(steps.Count - 1);
                subGoals.AddRange(steps);
                pendingCommit = pendingCommit is null ? commit : pendingCommit;
                continue;
            }
            subGoals.AddRange(steps);
        }
        if (pendingCommit is not null) subGoals.Add(pendingCommit);
        if (subGoals.Count == 0)
        {
            // Nothing to read (an empty goal): still an answer, not a refusal.
            subGoals.Add(new SubGoal { Index = 0, Family = ActionFamily.Activate, Text = goal, Effect = new(EffectKind.ScreenChanged) });
            confidence = 0;
            unparsed.AddRange(goal.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return new GoalInterpretation
        {
            Goal = goal,
            SubGoals = [.. subGoals.Select((s, i) => s with { Index = i + 1 })],
            Unparsed = unparsed,
            Confidence = Math.Round(confidence, 3),
        };
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static bool ConfirmsTheStepBefore(SubGoal confirm) =>
        TextTokens.Words(confirm.Object).All(w => w is "confirm" or "it" or "this" or "that" or "the" or "deletion" or "removal" or "action" or "choice" or "dialog" or "prompt");

    private static bool IsFormStep(SubGoal step) => step.Family is ActionFamily.EnterText or ActionFamily.Toggle or ActionFamily.Choose;

    // The verb at the start of the clause: from the verb data, else the nearest known verb by embeddings, else none
    // (a verbless clause such as "cheapest flight LHR to CDG"). Guessed is true when even the nearest verb is far.
    private async Task<(VerbChoice? Verb, bool Guessed)> FindVerbAsync(string clause, CancellationToken cancellationToken)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (_lexicon.MatchAtStart(words) is { } known)
        {
            return (new VerbChoice(known.Phrase, known.Words, known.Senses, 1), false);
        }
        var first = new string([.. words[0].Where(c => char.IsLetter(c) || c == '-' || c == '\'')]).ToLowerInvariant();
        if (first.Length < 2 || NotVerbs.Contains(first) || _lexicon.Orderings.Any(o => o.Phrase.StartsWith(first, StringComparison.Ordinal)) ||
            char.IsDigit(words[0][0]) || words[0][0] is '"' or '“' or '\'' or '@' or '$' or '#')
        {
            return (null, false);
        }
        var vectors = await VerbVectorsAsync(cancellationToken).ConfigureAwait(false);
        var wanted = (await _embedder.EmbedAsync([first], cancellationToken).ConfigureAwait(false))[0];
        var (phrase, similarity) = vectors.Select(v => (v.Phrase, Similarity: ElementScorer.Dot(wanted, v.Vector))).MaxBy(v => v.Similarity);
        var senses = _lexicon.Senses[phrase];
        if (similarity >= _options.MinimumVerbSimilarity)
        {
            return (new VerbChoice(first, 1, senses, Math.Round(similarity, 3)), false);
        }
        // Far from every known verb: a best guess, low confidence, the words reported as not placed.
        return (new VerbChoice(first, 1, senses, Math.Round(Math.Clamp(similarity, 0.05, 0.3), 3)), true);
    }

    private async Task<(string Phrase, float[] Vector)[]> VerbVectorsAsync(CancellationToken cancellationToken)
    {
        if (_verbVectors is { } ready) return ready;
        await _vectorsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_verbVectors is null)
            {
                // Single-word and two-word verbs only: phrases like "leave a comment" are found by their first word.
                var phrases = _lexicon.Senses.Keys.Where(p => p.Count(c => c == ' ') <= 1).Order(StringComparer.Ordinal).ToList();
                var vectors = await _embedder.EmbedAsync(phrases, cancellationToken).ConfigureAwait(false);
                _verbVectors = [.. phrases.Select((p, i) => (p, vectors[i]))];
            }
            return _verbVectors;
        }
        finally
        {
            _vectorsGate.Release();
        }
    }

    // Words that start a clause without being its verb ("the cheapest one", "from Madrid to Amsterdam").
    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "our", "this", "that", "these", "those", "some", "all", "every", "each", "both", "from", "to",
        "in", "on", "at", "for", "with", "by", "into", "only", "one", "two", "three", "first", "second", "third", "last", "next",
        "flight", "flights", "ticket", "tickets", "hotel", "hotels", "train", "trains", "bus", "buses", "return", "round-trip", "one-way",
        "i", "we", "it", "there", "here", "what", "which", "where", "when", "how",
    };
}
