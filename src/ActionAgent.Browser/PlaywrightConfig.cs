using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionAgent.Browser;

/// <summary>
/// The <c>playwright.config.json</c> file at the repository root (or the current directory). Its shape:
/// <code>
/// {
///   "browser": {
///     "executablePath": null,      // null or absent: discover Chromium (ACTIONAGENT_BROWSER, then well-known paths)
///     "headless": true,            // false opens a window (needs a display)
///     "args": ["--lang=en-US"]     // extra Chromium flags, added after the built-in quiet flags
///   }
/// }
/// </code>
/// Every field is optional; unknown fields are ignored; comments and trailing commas are allowed.
/// </summary>
public sealed record PlaywrightConfig
{
    /// <summary>The file name looked for: <c>playwright.config.json</c>.</summary>
    public const string FileName = "playwright.config.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The browser section.</summary>
    [JsonPropertyName("browser")]
    public PlaywrightBrowserConfig Browser { get; init; } = new();

    /// <summary>Where the file was read from, when it was read from a file.</summary>
    [JsonIgnore]
    public string? SourcePath { get; init; }

    /// <summary>Reads a config file; throws <see cref="InvalidDataException"/> when it is not valid JSON of this shape.</summary>
    public static PlaywrightConfig Load(string path)
    {
        try
        {
            var config = JsonSerializer.Deserialize<PlaywrightConfig>(File.ReadAllText(path), JsonOptions) ?? new PlaywrightConfig();
            return config with { SourcePath = path, Browser = config.Browser ?? new PlaywrightBrowserConfig() };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid {FileName}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Looks for <see cref="FileName"/> in <paramref name="startDirectory"/> and its parents, stopping at the first
    /// directory that holds a <c>.git</c> entry (the repository root). Null when there is none.
    /// </summary>
    public static PlaywrightConfig? Find(string? startDirectory = null)
    {
        var directory = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory());
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate)) return Load(candidate);
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git"))) return null;
            directory = directory.Parent;
        }
        return null;
    }
}
