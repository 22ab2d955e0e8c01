using ActionAgent.Core.Recording;
using ActionAgent.Core.Scenarios;
using ActionAgent.Desktop;

namespace ActionAgent.Cli.Running;

/// <summary>
/// The desktop side of choosing a driver: a scenario with <c>app.desktop</c> runs on the AT-SPI driver, never in a
/// browser. When the app cannot be started, the run still leaves a recording that says why.
/// </summary>
internal static class DesktopDriverChoice
{
    public static DesktopOptions OptionsFor(Scenario scenario, string? workingDirectory, DesktopSettings session)
    {
        var app = scenario.App.Desktop!;
        var options = new DesktopOptions
        {
            Display = session.Display,
            SessionBusAddress = session.SessionBusAddress,
            AccessibilityBusAddress = session.AccessibilityBusAddress,
            Launch = app.Launch,
            Attach = app.Launch is null ? app.Attach : null,
            Window = app.Window,
            AllowedApps = scenario.Policy.AllowApps,
            WorkingDirectory = workingDirectory,
        };
        return app.Wait is { } wait ? options with { WindowTimeout = wait } : options;
    }

    /// <param name="scenario">The desktop scenario.</param>
    /// <param name="session">The desktop session the binder read (<see cref="AgentOptions.Desktop"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<AtSpiDriver> StartAsync(Scenario scenario, DesktopSettings session, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new DesktopEnvironmentException("Desktop scenarios run on Linux (AT-SPI) only for now; a Windows (UI Automation) adapter is not built yet.");
        }
        return AtSpiDriver.StartAsync(OptionsFor(scenario, null, session), cancellationToken);
    }

    /// <summary>
    /// Starts the app a desktop recording names, only when the person replaying allowed it (<c>--allow-app</c>):
    /// a recording may come from someone else, and must not choose which program runs.
    /// </summary>
    public static async Task<AtSpiDriver> StartForReplayAsync(RecordingHeader header, IReadOnlyList<string> allowed, DesktopSettings session,
        CancellationToken cancellationToken)
    {
        var app = header.AppStart ?? throw new DesktopEnvironmentException("The desktop recording does not name its app (header.appStart).");
        var attach = app.StartsWith("attach:", StringComparison.Ordinal) ? app[7..] : null;
        var program = attach ?? CommandLineSplitter.Split(app).FirstOrDefault() ?? app;
        if (allowed.Count == 0 || !AppAllowList.Allows(allowed, program))
        {
            throw new AppNotAllowedException($"This recording launches \"{app}\": replay it with --allow-app {Path.GetFileName(program)} to let it (a recording never chooses on its own which program runs).");
        }
        if (!OperatingSystem.IsLinux()) throw new DesktopEnvironmentException("Desktop recordings replay on Linux (AT-SPI) only for now.");
        return await AtSpiDriver.StartAsync(new DesktopOptions
        {
            Launch = attach is null ? app : null,
            Attach = attach,
            AllowedApps = allowed,
            Display = session.Display,
            SessionBusAddress = session.SessionBusAddress,
            AccessibilityBusAddress = session.AccessibilityBusAddress,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the recording of a run that ended before its first step: the app could not be started or touched.</summary>
    public static async Task WriteNotStartedAsync(RecordingWriter writer, Scenario scenario, string planner, string reason, TimeProvider time)
    {
        var now = time.GetUtcNow();
        await writer.BeginAsync(new RecordingHeader
        {
            Name = scenario.Name,
            Goal = scenario.Goal,
            Scenario = scenario.SourcePath,
            AppStart = scenario.App.Desktop?.Command,
            Driver = "desktop",
            Planner = planner,
            StartedAt = now,
        }, CancellationToken.None).ConfigureAwait(false);
        await writer.CompleteAsync(new RunSummary
        {
            Status = RunOutcome.Failed,
            FinalState = "Failed",
            Reason = reason,
            FinishedAt = now,
        }, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The file in a run's or replay's folder that keeps what the launched app printed on stdout.</summary>
    public const string AppOutputFile = "app-output.txt";

    /// <summary>
    /// Keeps what a launched desktop app printed on stdout (a <c>zenity --forms</c> dialog prints the values it was
    /// given) in the run's folder, secrets masked; returns the file, or null when the app printed nothing.
    /// An app that closed itself is waited for (briefly) so its output is whole; one still running gives what it printed so far.
    /// </summary>
    public static async Task<string?> WriteAppOutputAsync(Core.Ports.IUiDriver driver, string folder, Core.Secrets.SecretVault secrets)
    {
        if (driver is not AtSpiDriver { Output: { } output } desktop) return null;
        if (!desktop.AppIsRunning)
        {
            try
            {
                await output.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // a child of the app still holds the pipe: what was read so far is written
            }
        }
        var text = output.Output;
        if (text.Length == 0) return null;
        var file = Path.Combine(folder, AppOutputFile);
        await File.WriteAllTextAsync(file, secrets.Mask(text)).ConfigureAwait(false);
        return file;
    }
}
