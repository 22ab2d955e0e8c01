namespace ActionAgent.Composition;

/// <summary>
/// The <c>KEY=VALUE</c> lines of a <c>.env</c> file beside a scenario or recording. A <c>.env</c> may come from
/// someone else, so it is never put into the process environment (where <c>NODE_OPTIONS</c>, <c>OPENAI_BASE_URL</c>
/// or <c>ACTIONAGENT_PLANNER</c> would change what the agent and Playwright's driver do): its values are only looked
/// up, by name, for the secrets a scenario the user runs declares (<see cref="SecretEnvironment"/>).
/// </summary>
internal sealed class EnvFile
{
    /// <summary>A larger file is not a list of secrets; it is refused rather than read.</summary>
    public const long MaxBytes = 256 * 1024;

    private readonly Dictionary<string, string> _values;

    private EnvFile(Dictionary<string, string> values, string? path)
    {
        _values = values;
        Path = path;
    }

    /// <summary>No file.</summary>
    public static EnvFile Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), null);

    /// <summary>The file read, when there was one.</summary>
    public string? Path { get; }

    /// <summary>The value the file gives a key, if any.</summary>
    public bool TryGet(string key, out string value) => _values.TryGetValue(key, out value!);

    /// <summary>The <c>.env</c> in the folder of <paramref name="fileInFolder"/> (a scenario or recording.json); empty when there is none.</summary>
    /// <exception cref="InvalidDataException">The file is too large or cannot be read.</exception>
    public static EnvFile Beside(string fileInFolder)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(fileInFolder))!;
        var path = System.IO.Path.Combine(directory, ".env");
        if (!File.Exists(path)) return Empty;
        try
        {
            if (new FileInfo(path).Length > MaxBytes) throw new InvalidDataException($"{path}: a .env file holds a few secrets; this one is larger than {MaxBytes / 1024} KB and was not read.");
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the .env file: {e.Message}", e);
        }
    }

    /// <summary>Parses <c>.env</c> text; lines that are not <c>KEY=VALUE</c> (or <c>export KEY=VALUE</c>) are skipped.</summary>
    public static EnvFile Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var key = line[..eq].Trim();
            if (!IsName(key)) continue;
            values[key] = Unquote(line[(eq + 1)..].Trim());
        }
        return new EnvFile(values, path);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    private static bool IsName(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
