using ActionAgent.Core.Goals;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ActionAgent.Planning.Offline.Goals;

/// <summary>
/// The verbs and orderings the goal interpreter knows, loaded from <c>verbs.yaml</c> files: the built-in one (embedded
/// in this assembly) and any the user adds. A user file's senses of a verb come before the built-in ones.
/// </summary>
internal sealed class VerbLexicon
{
    private const string BuiltInResource = "goals.verbs.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private readonly Dictionary<string, List<VerbSense>> _senses = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, string Canonical)> _orderings = [];

    private VerbLexicon()
    {
    }

    /// <summary>The longest verb phrase, in words.</summary>
    public int LongestPhrase { get; private set; }

    /// <summary>Every verb phrase with its senses.</summary>
    public IReadOnlyDictionary<string, List<VerbSense>> Senses => _senses;

    /// <summary>Ordering phrases and their canonical word, longest phrase first.</summary>
    public IReadOnlyList<(string Phrase, string Canonical)> Orderings => _orderings;

    /// <summary>The built-in verbs plus those of the given files (which come first).</summary>
    /// <exception cref="FormatException">A file is not a valid verbs file; the message names the file and the entry.</exception>
    public static VerbLexicon Load(IEnumerable<string> extraFiles)
    {
        var lexicon = new VerbLexicon();
        foreach (var path in extraFiles)
        {
            lexicon.Add(File.ReadAllText(path), path);
        }
        using (var stream = typeof(VerbLexicon).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The embedded resource {BuiltInResource} is missing"))
        using (var reader = new StreamReader(stream))
        {
            lexicon.Add(reader.ReadToEnd(), "verbs.yaml (built in)");
        }
        lexicon._orderings.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        return lexicon;
    }

    /// <summary>The longest verb phrase the words start with, or null.</summary>
    public (string Phrase, int Words, IReadOnlyList<VerbSense> Senses)? MatchAtStart(IReadOnlyList<string> words)
    {
        for (var n = Math.Min(LongestPhrase, words.Count); n >= 1; n--)
        {
            var phrase = string.Join(' ', words.Take(n)).ToLowerInvariant();
            if (_senses.TryGetValue(phrase, out var senses)) return (phrase, n, senses);
        }
        return null;
    }

    /// <summary>Whether the word starts some verb phrase (used to decide where "and" starts a new clause).</summary>
    public bool StartsVerb(IReadOnlyList<string> words) => MatchAtStart(words) is not null;

    private void Add(string yaml, string source)
    {
        VerbsDocument? document;
        try
        {
            document = Yaml.Deserialize<VerbsDocument?>(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{source}({e.Start.Line},{e.Start.Column}): {e.Message}", e);
        }
        if (document is null) return;
        for (var i = 0; i < document.Verbs.Count; i++)
        {
            var entry = document.Verbs[i];
            var where = $"{source}: verbs[{i}]";
            var sense = new VerbSense
            {
                Family = ParseEnum<ActionFamily>(entry.Family, where, "family"),
                Effect = entry.Effect is null ? DefaultEffect(ParseEnum<ActionFamily>(entry.Family, where, "family"), entry.State)
                    : ParseEnum<EffectKind>(entry.Effect, where, "effect"),
                Objects = [.. entry.Objects.Select(o => o.Trim().ToLowerInvariant())],
                State = entry.State?.Trim().ToLowerInvariant() switch
                {
                    null => null,
                    "on" or "true" or "checked" => true,
                    "off" or "false" or "unchecked" => false,
                    var other => throw new FormatException($"{where}: state '{other}' is not on or off"),
                },
                Commit = string.IsNullOrWhiteSpace(entry.Commit) ? null : entry.Commit.Trim(),
                CommitEffect = entry.CommitEffect is null ? EffectKind.Navigated : ParseEnum<EffectKind>(entry.CommitEffect, where, "commit_effect"),
                Query = entry.Query?.Trim().ToLowerInvariant() switch
                {
                    null or "" or "false" or "none" => QueryUse.None,
                    "alone" or "true" => QueryUse.Alone,
                    "always" => QueryUse.Always,
                    var other => throw new FormatException($"{where}: query '{other}' is not always or alone"),
                },
                VerbIsTarget = entry.VerbIsTarget,
                Source = source,
            };
            if (entry.Words.Count == 0) throw new FormatException($"{where}: an entry needs at least one word in 'words'");
            foreach (var word in entry.Words)
            {
                var phrase = string.Join(' ', word.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (phrase.Length == 0) continue;
                if (!_senses.TryGetValue(phrase, out var list)) _senses[phrase] = list = [];
                list.Add(sense);
                LongestPhrase = Math.Max(LongestPhrase, phrase.Count(c => c == ' ') + 1);
            }
        }
        foreach (var (canonical, phrases) in document.Orderings)
        {
            foreach (var phrase in phrases.Append(canonical))
            {
                var lower = phrase.Trim().ToLowerInvariant();
                if (lower.Length > 0 && !_orderings.Any(o => o.Phrase == lower)) _orderings.Add((lower, canonical.Trim().ToLowerInvariant()));
            }
        }
    }

    private static EffectKind DefaultEffect(ActionFamily family, string? state) => family switch
    {
        ActionFamily.EnterText => EffectKind.ValueSet,
        ActionFamily.Choose or ActionFamily.Pick => EffectKind.Selected,
        ActionFamily.Toggle => state?.Trim().ToLowerInvariant() == "off" ? EffectKind.Unchecked : EffectKind.Checked,
        ActionFamily.Navigate or ActionFamily.Submit => EffectKind.Navigated,
        ActionFamily.Expand => EffectKind.Expanded,
        ActionFamily.Hover or ActionFamily.Scroll => EffectKind.Revealed,
        ActionFamily.Drag => EffectKind.Moved,
        ActionFamily.Read => EffectKind.ValueRead,
        ActionFamily.Wait => EffectKind.TextVisible,
        ActionFamily.Remove => EffectKind.ItemDisappeared,
        ActionFamily.Filter => EffectKind.ListChanged,
        _ => EffectKind.ScreenChanged,
    };

    private static T ParseEnum<T>(string? text, string where, string field)
        where T : struct, Enum
    {
        var name = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        if (Enum.TryParse<T>(name, ignoreCase: true, out var value) && !int.TryParse(name, out _)) return value;
        var allowed = string.Join(", ", Enum.GetNames<T>());
        throw new FormatException($"{where}: {field} '{text}' is not one of {allowed}");
    }

    // YamlDotNet fills mutable classes; the senses stay immutable.
    private sealed class VerbsDocument
    {
        public List<VerbEntry> Verbs { get; set; } = [];
        public Dictionary<string, List<string>> Orderings { get; set; } = [];
    }

    private sealed class VerbEntry
    {
        public string? Family { get; set; }
        public string? Effect { get; set; }
        public List<string> Words { get; set; } = [];
        public List<string> Objects { get; set; } = [];
        public string? State { get; set; }
        public string? Commit { get; set; }
        public string? CommitEffect { get; set; }
        public string? Query { get; set; }
        public bool VerbIsTarget { get; set; }
    }
}
