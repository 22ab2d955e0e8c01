namespace ActionAgent.Cli;

/// <summary>
/// Errors and warnings go to standard error as single unwrapped lines (<c>error: file:line:col: field: message</c>),
/// so editors and CI annotate them, whatever the terminal width.
/// </summary>
internal static class CliErrors
{
    /// <summary>
    /// Whether errors may be colored (false when <c>NO_COLOR</c> is set): set once at start from
    /// <see cref="CliEnvironment"/>, because errors are written from everywhere and a console setting is process-wide.
    /// </summary>
    public static bool Colored { get; set; } = true;

    public static void Error(string message) => Write("error", message, ConsoleColor.Red);

    public static void Warning(string message) => Write("warning", message, ConsoleColor.Yellow);

    private static void Write(string kind, string message, ConsoleColor color)
    {
        var colored = !Console.IsErrorRedirected && Colored;
        if (colored) Console.ForegroundColor = color;
        Console.Error.Write(kind + ": ");
        if (colored) Console.ResetColor();
        Console.Error.WriteLine(message);
    }
}
