using System.Data.Common;
using System.Text.RegularExpressions;
using ActionAgent.Browser;
using ActionAgent.Cli.Logging;
using ActionAgent.Desktop;
using Microsoft.Playwright;

namespace ActionAgent.Cli;

/// <summary>
/// Errors and warnings go to standard error as single unwrapped lines (<c>error: file:line:col: field: message</c>),
/// so editors and CI annotate them, whatever the terminal width. Every error path ends here: the commands' own errors,
/// System.CommandLine's parse errors (<see cref="AgentCommandLine"/>) and an exception no command handled
/// (<see cref="Unhandled"/>).
/// </summary>
internal static partial class CliErrors
{
    /// <summary>
    /// Whether errors may be colored (false when <c>NO_COLOR</c> is set): set once at start from
    /// <see cref="CliEnvironment"/>, because errors are written from everywhere and a console setting is process-wide.
    /// </summary>
    public static bool Colored { get; set; } = true;

    public static void Error(string message) => Write("error", message, ConsoleColor.Red);

    public static void Warning(string message) => Write("warning", message, ConsoleColor.Yellow);

    /// <summary>
    /// Reports an exception that escaped a command as one <c>error:</c> line and returns the exit code: 130 when it is a
    /// cancellation, 3 when the environment failed (files, network, database, browser, desktop session), otherwise 70
    /// (a bug in the agent). The stack trace follows only when <paramref name="stackTrace"/> is set (<c>--verbose</c> or
    /// <c>ACTIONAGENT_DEBUG</c>), so a user never sees one by default. Both are masked against every secret value the
    /// process loaded (<see cref="KnownSecrets"/>): an exception's message may quote one.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <param name="stackTrace">Whether to write the whole exception (with its inner exceptions and stack traces) after the line.</param>
    /// <param name="error">Where to write; standard error by default.</param>
    /// <returns>The exit code.</returns>
    public static int Unhandled(Exception exception, bool stackTrace, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var root = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var (code, line) = root switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            _ when IsEnvironment(root) => (ExitCodes.Environment, $"{OneLine(root.Message)} ({root.GetType().Name})"),
            _ => (ExitCodes.InternalError, $"internal error, a bug in agent: {OneLine(root.Message)} ({root.GetType().FullName})"),
        };
        if (!stackTrace && code != ExitCodes.Cancelled) line += "; set ACTIONAGENT_DEBUG=1 (or pass --verbose where the command has it) for the stack trace";
        Write("error", KnownSecrets.Mask(line), ConsoleColor.Red, error);
        if (stackTrace) (error ?? Console.Error).WriteLine(KnownSecrets.Mask(exception.ToString()));
        return code;
    }

    /// <summary>Failures of what the agent runs on, not of the agent: the same exit code as a missing browser.</summary>
    private static bool IsEnvironment(Exception e) => e is IOException or UnauthorizedAccessException or DbException
        or System.Net.Sockets.SocketException or HttpRequestException or PlaywrightException or BrowserNotFoundException
        or DesktopEnvironmentException;

    /// <summary>A message on one line: some (Playwright's call logs, SQL errors) span several.</summary>
    private static string OneLine(string message) => LineBreaks().Replace(message.Trim(), " | ");

    private static void Write(string kind, string message, ConsoleColor color, TextWriter? error = null)
    {
        var writer = error ?? Console.Error;
        var colored = error is null && !Console.IsErrorRedirected && Colored;
        if (colored) Console.ForegroundColor = color;
        writer.Write(kind + ": ");
        if (colored) Console.ResetColor();
        writer.WriteLine(message);
    }

    [GeneratedRegex(@"\s*\r?\n\s*")]
    private static partial Regex LineBreaks();
}
