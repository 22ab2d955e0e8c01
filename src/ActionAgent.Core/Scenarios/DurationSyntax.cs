using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Scenarios;

/// <summary>
/// Durations as scenario files and the CLI write them: <c>500ms</c>, <c>90s</c>, <c>2m</c>, <c>1h</c>, combinations
/// such as <c>1m30s</c>, or a plain number of seconds (<c>90</c>, <c>1.5</c>).
/// </summary>
public static partial class DurationSyntax
{
    /// <summary>Parses a duration; false when the text is not one, or is not more than zero.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out TimeSpan? duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = null;
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds <= 0 || double.IsInfinity(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2) return false;
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        if (!Whole().IsMatch(trimmed)) return false;
        // Summed in seconds as a double, so 99999999999h is "too long", not an OverflowException.
        var totalSeconds = 0.0;
        foreach (Match part in Part().Matches(trimmed))
        {
            var amount = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            totalSeconds += part.Groups["u"].Value switch
            {
                "ms" => amount / 1000,
                "s" => amount,
                "m" => amount * 60,
                _ => amount * 3600,
            };
        }

        if (totalSeconds <= 0 || double.IsInfinity(totalSeconds) || totalSeconds > TimeSpan.MaxValue.TotalSeconds / 2) return false;
        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }

    /// <summary>The longest a run (or replay) may be given: <c>policy.timeout</c>, <c>--timeout</c>. <value>24 hours.</value></summary>
    public static TimeSpan MaxRunTimeout { get; } = TimeSpan.FromHours(24);

    /// <summary>The longest one step may wait: <c>policy.step_timeout</c>, a step's <c>timeout</c>, <c>--step-timeout</c>. <value>1 hour.</value></summary>
    public static TimeSpan MaxStepTimeout { get; } = TimeSpan.FromHours(1);

    /// <summary>Writes a duration in the shortest form <see cref="TryParse"/> reads back (<c>2m</c>, <c>1m30s</c>, <c>500ms</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return "0s";
        var parts = new List<string>();
        if (duration.Days > 0 || duration.Hours > 0) parts.Add($"{(int)duration.TotalHours}h");
        if (duration.Minutes > 0) parts.Add($"{duration.Minutes}m");
        if (duration.Seconds > 0) parts.Add($"{duration.Seconds}s");
        if (duration.Milliseconds > 0) parts.Add($"{duration.Milliseconds}ms");
        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
