using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent;

/// <summary>
/// The Playwright trace of one run or replay (<see cref="RecordingSettings.Trace"/>): started on the page's context
/// when the run starts, saved as <c>trace.zip</c> in its recording or replay folder when it ends, as <c>agent run
/// --trace</c> does. A context its owner is already tracing (a <c>PageTest</c> or <c>ActionAgent.Testing</c> with
/// tracing on) is left to that owner's trace, with a warning.
/// </summary>
internal sealed class RunTrace
{
    public const string FileName = "trace.zip";

    private readonly IBrowserContext _context;
    private readonly string _path;

    private RunTrace(IBrowserContext context, string path)
    {
        _context = context;
        _path = path;
    }

    /// <summary>
    /// A trace keeps typed values, DOM snapshots and screencast frames in clear, where they cannot be masked: refused
    /// when the run or replay uses secrets, as the CLI refuses <c>--trace</c>.
    /// </summary>
    /// <returns>Why tracing is refused; null when it is not.</returns>
    public static string? Refusal(string what, IEnumerable<string> secretNames)
    {
        var names = secretNames.ToList();
        return names.Count == 0 ? null
            : $"Recording.Trace is refused: {what} uses secrets ({string.Join(", ", names)}), and a Playwright trace keeps typed values, " +
              "DOM snapshots and screencast frames in clear, where they cannot be masked. Turn Recording.Trace off (the recording, screenshots and report are masked).";
    }

    /// <summary>Starts tracing <paramref name="page"/>'s context for a run that records into <paramref name="folder"/>.</summary>
    /// <returns>The trace to stop, or null when the context is already traced by its owner.</returns>
    public static async Task<RunTrace?> StartAsync(IPage page, string folder, ILogger logger)
    {
        try
        {
            await page.Context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Sources = false, Title = Path.GetFileName(folder) })
                .ConfigureAwait(false);
        }
        catch (PlaywrightException e) when (e.Message.Contains("already started", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Recording.Trace: the page's context is already being traced by its owner; this run is in that trace, not in {Folder}", folder);
            return null;
        }
        return new RunTrace(page.Context, Path.Combine(folder, FileName));
    }

    /// <summary>Stops tracing and saves <c>trace.zip</c> (the folder is created if the run left none).</summary>
    /// <returns>The trace's path.</returns>
    public async Task<string> StopAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        await _context.Tracing.StopAsync(new() { Path = _path }).ConfigureAwait(false);
        return _path;
    }
}
