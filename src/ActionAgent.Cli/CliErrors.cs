namespace ActionAgent.Cli;

/// <summary>
/// Errors and warnings go to standard error as single unwrapped lines (<c>error: file:line:col: field: message</c>),
/// so editors and CI annotate them, whatever the terminal width.
/// </summary>
internal static class CliErrors
{
    public static void Error(string message) => Write("error", message, ConsoleColor.Red);

    public static void Warning(string message) => Write("warning", message, ConsoleColor.Yellow);

    private static void Write(string kind, string message, ConsoleColor color)
    {
        var colored = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (colored) Console.ForegroundColor = color;
        Console.Error.Write(kind + ": ");
        if (colored) Console.ResetColor();
        Console.Error.WriteLine(message);
    }
}
