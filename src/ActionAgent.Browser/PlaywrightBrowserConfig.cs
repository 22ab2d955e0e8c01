using System.Text.Json.Serialization;

namespace ActionAgent.Browser;

/// <summary>The <c>browser</c> section of <see cref="PlaywrightConfig"/>.</summary>
public sealed record PlaywrightBrowserConfig
{
    /// <summary>The Chromium executable; null means discover one.</summary>
    [JsonPropertyName("executablePath")]
    public string? ExecutablePath { get; init; }

    /// <summary>Whether to run without a window. <value>The default value is <c>true</c>.</value></summary>
    [JsonPropertyName("headless")]
    public bool Headless { get; init; } = true;

    /// <summary>Extra Chromium flags.</summary>
    [JsonPropertyName("args")]
    public IReadOnlyList<string> Args { get; init; } = [];
}
