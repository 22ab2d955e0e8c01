using YamlDotNet.Serialization;

namespace ActionAgent.Planning.Offline;

/// <summary>
/// Words written on the controls that do what a verb asks (<c>controls.yaml</c>, embedded): "submit" → Send, OK, Go;
/// "accept" → Allow all, Agree. Data, not code, so a new phrasing is a new line.
/// </summary>
public sealed class ControlWords
{
    private const string Resource = "offline.controls.yaml";
    private readonly Dictionary<string, IReadOnlyList<string>> _words;

    private ControlWords(Dictionary<string, IReadOnlyList<string>> words) => _words = words;

    /// <summary>The built-in table.</summary>
    public static ControlWords BuiltIn { get; } = Load();

    /// <summary>The control words for a verb or a short description ("submit", "post the review" → post's words), or empty.</summary>
    public IReadOnlyList<string> For(string? description)
    {
        var words = TextTokens.Words(description);
        if (words.Count == 0) return [];
        if (words.Count >= 2 && _words.TryGetValue(words[0] + " " + words[1], out var two)) return two;
        return _words.TryGetValue(words[0], out var one) ? one : [];
    }

    private static ControlWords Load()
    {
        using var stream = typeof(ControlWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, List<string>>?>(reader.ReadToEnd()) ?? [];
        return new ControlWords(document.ToDictionary(p => p.Key.ToLowerInvariant(), p => (IReadOnlyList<string>)[.. p.Value.Select(w => w.ToLowerInvariant())], StringComparer.Ordinal));
    }
}
