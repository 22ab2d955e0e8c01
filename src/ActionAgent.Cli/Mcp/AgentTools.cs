using System.ComponentModel;
using ActionAgent.Browser;
using ActionAgent.Core.Ports;
using ActionAgent.Desktop;
using ActionAgent.Sites;
using Microsoft.Playwright;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ActionAgent.Cli.Mcp;

/// <summary>
/// The agent's tools for an MCP client: <c>observe</c>, <c>act</c>, <c>run_goal</c>, <c>replay</c> and
/// <c>screenshot</c>, all on the session's one <see cref="Agent"/> and its current page. Arguments come from a model and
/// are untrusted: each is checked (and named in the error) before anything acts, the user's policy is enforced as in a
/// run, and every failure is an error result the model can read, never a crash of the server.
/// </summary>
[McpServerToolType]
internal sealed class AgentTools(McpAgentSession session)
{
    [McpServerTool(Name = "observe", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The current page as the agent's planners see it: URL, title and the accessibility snapshot (roles, names, " +
                 "refs like [ref=e12], boxes). Use it to see what is on screen before and after act. Needs a page: call run_goal first. " +
                 "On a desktop server (agent mcp --desktop APP): the app's windows as the desktop driver reads them (roles, names, refs like [ref=d12], boxes).")]
    public Task<CallToolResult> ObserveAsync(CancellationToken cancellationToken) =>
        GuardAsync("observe", async () =>
        {
            if (session.IsDesktop)
            {
                var driver = await session.DesktopDriverAsync(cancellationToken);
                var tree = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, cancellationToken);
                return ToolResults.Text($"App: {tree.Location}\nWindow: {tree.Title}\n\n{tree.SnapshotText.TrimEnd()}");
            }
            if (session.Current is not { Page: not null } agent) return ToolResults.NoPage("observe");
            var observation = await agent.ObserveAsync(cancellationToken);
            return ToolResults.Text($"URL: {observation.Location}\nTitle: {observation.Title}\n\n{observation.SnapshotText.TrimEnd()}");
        });

    [McpServerTool(Name = "act", Destructive = true, OpenWorld = false)]
    [Description("Carries out one goal or command on the current page, checked on the screen and recorded, e.g. \"click Search flights\", " +
                 "\"type Paris in To\", \"select Price: lowest first in Sort by\". Needs a page: call run_goal first. The page stays " +
                 "within the hosts the user allowed. Returns the outcome, the steps taken, why it failed, and the recording folder. " +
                 "On a desktop server (agent mcp --desktop APP): the goal is carried out in the desktop app, e.g. \"type Ada into Name\".")]
    public Task<CallToolResult> ActAsync(
        [Description("The goal or command in plain words.")] string? goal,
        CancellationToken cancellationToken) =>
        GuardAsync("act", async () =>
        {
            if (string.IsNullOrWhiteSpace(goal)) return ToolResults.Error("act: the argument 'goal' is required: a goal or command in plain words, e.g. \"click Search flights\".");
            if (session.IsDesktop) return ToolResults.Run(await session.ActOnDesktopAsync(goal, cancellationToken));
            if (session.Current is not { Page: not null } agent) return ToolResults.NoPage("act");
            var run = await agent.DoAsync(goal, cancellationToken);
            return ToolResults.Run(run);
        });

    [McpServerTool(Name = "run_goal", Destructive = true, OpenWorld = false)]
    [Description("Carries out a goal from a start URL in a fresh page, checking each step on the screen, and records it " +
                 "(the recording replays with no model). start_url is an http(s) URL on a host the user allowed, or site:NAME to serve a " +
                 "demo site (e.g. site:skyfare). The page it ends on becomes the current page for observe, act and screenshot. " +
                 "Returns the outcome, the steps, why it failed, and the recording folder.")]
    public Task<CallToolResult> RunGoalAsync(
        [Description("The goal in plain words, e.g. \"type Rome in From, type Oslo in To, then click Search flights\".")] string? goal,
        [Description("Where to start: an http(s) URL on an allowed host, or site:NAME for a demo site (site:skyfare).")] string? startUrl,
        CancellationToken cancellationToken) =>
        GuardAsync("run_goal", async () =>
        {
            if (string.IsNullOrWhiteSpace(goal)) return ToolResults.Error("run_goal: the argument 'goal' is required: the goal in plain words.");
            if (session.IsDesktop) return ToolResults.BrowserOnly("run_goal", session.Desktop!);
            if (string.IsNullOrWhiteSpace(startUrl)) return ToolResults.Error("run_goal: the argument 'startUrl' is required: an http(s) URL or site:NAME.");
            if (session.Policy.StartProblem(startUrl.Trim(), "run_goal: startUrl") is { } refused) return ToolResults.Error(refused);
            var agent = await session.AgentAsync(cancellationToken);
            var run = await agent.RunAsync(goal, startUrl.Trim(), cancellationToken);
            return ToolResults.Run(run);
        });

    [McpServerTool(Name = "replay", Destructive = true, OpenWorld = false)]
    [Description("Replays a recording (its folder, or its recording.json) with no model: each recorded step is found again through its " +
                 "recorded locators and its recorded checks must hold. Returns passed or failed, the verdict of every step (passed, healed, " +
                 "failed, skipped) and the report folder. The recording must be under the server's working directory or output folder, and " +
                 "its app on an allowed host; a recording that needs secrets is refused (the server reads none).")]
    public Task<CallToolResult> ReplayAsync(
        [Description("The recording folder (holding recording.json), e.g. the recordingFolder a run_goal returned.")] string? recording,
        CancellationToken cancellationToken) =>
        GuardAsync("replay", async () =>
        {
            if (string.IsNullOrWhiteSpace(recording)) return ToolResults.Error("replay: the argument 'recording' is required: a recording folder or recording.json.");
            if (session.IsDesktop) return ToolResults.BrowserOnly("replay", session.Desktop!);
            var (problem, fullPath) = await session.Policy.RecordingProblemAsync(recording, cancellationToken);
            if (problem is not null) return ToolResults.Error("replay: " + problem);
            var agent = await session.AgentAsync(cancellationToken);
            var replay = await agent.ReplayAsync(fullPath, cancellationToken);
            return ToolResults.Replay(replay);
        });

    [McpServerTool(Name = "screenshot", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("A PNG screenshot of the current page's viewport. Needs a page: call run_goal first. On a desktop server: the X display.")]
    public Task<CallToolResult> ScreenshotAsync(CancellationToken cancellationToken) =>
        GuardAsync("screenshot", async () =>
        {
            if (session.IsDesktop)
            {
                var driver = await session.DesktopDriverAsync(cancellationToken);
                var shot = await driver.ObserveAsync(new ObserveOptions(IncludeScreenshot: true), cancellationToken);
                return shot.Screenshot is { } display ? ToolResults.Image(display, "image/png") : ToolResults.Error("screenshot: the display gave no image.");
            }
            if (session.Current is not { Page: not null } agent) return ToolResults.NoPage("screenshot");
            var png = await agent.ScreenshotAsync(cancellationToken);
            return ToolResults.Image(png, "image/png");
        });

    /// <summary>
    /// The tool boundary: an expected failure (bad input, a missing site or browser, a page that went away) becomes an
    /// error result that says what went wrong; nothing a tool call does may stop the server.
    /// </summary>
    private static async Task<CallToolResult> GuardAsync(string tool, Func<Task<CallToolResult>> call)
    {
        try
        {
            return await call();
        }
        catch (OperationCanceledException)
        {
            throw; // the client cancelled the request: the SDK answers it
        }
        catch (Exception e) when (e is ArgumentException or SiteNotFoundException or BrowserNotFoundException or InvalidOperationException
                                      or PlaywrightException or TimeoutException or IOException or UnauthorizedAccessException
                                      or DesktopEnvironmentException or AppNotAllowedException)
        {
            Serilog.Log.Warning("Tool {Tool} failed: {Message}", tool, e.Message);
            return ToolResults.Error($"{tool}: {e.Message}");
        }
#pragma warning disable CA1031 // The tool boundary: an unexpected failure is reported to the client and logged, and the server goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Serilog.Log.Error(e, "Tool {Tool} failed unexpectedly", tool);
            return ToolResults.Error($"{tool} failed unexpectedly ({e.GetType().Name}): {e.Message}. The server goes on; its log (standard error) has the details.");
        }
    }
}
