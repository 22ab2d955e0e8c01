namespace ActionAgent.Browser;

/// <summary>
/// No Chromium executable could be found. A broken environment, not an expected failure: the message says how to
/// install one or where to point the agent at one.
/// </summary>
public sealed class BrowserNotFoundException : Exception
{
    /// <summary>Creates the exception with the standard install advice.</summary>
    public BrowserNotFoundException()
        : this(BuildMessage([]))
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public BrowserNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a custom message and cause.</summary>
    public BrowserNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The places that were looked at, in order.</summary>
    public IReadOnlyList<string> Searched { get; init; } = [];

    internal static string BuildMessage(IReadOnlyList<string> searched)
    {
        var looked = searched.Count == 0 ? "" : $" Looked in: {string.Join(", ", searched)}.";
        return "No Chromium browser was found." + looked + Environment.NewLine +
               "Install one: on Debian/Ubuntu run `sudo apt-get install chromium` (Ubuntu may name it chromium-browser); on Debian, " +
               "chromium-headless-shell too, which headless runs prefer (it starts and draws faster)." + Environment.NewLine +
               $"Or point the agent at a Chromium/Chrome executable: set the {BrowserLocator.EnvironmentVariable} environment variable, " +
               $"or set \"browser\": {{ \"executablePath\": \"/path/to/chromium\" }} in {PlaywrightConfig.FileName} at the repository root.";
    }
}
