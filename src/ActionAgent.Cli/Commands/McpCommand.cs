using System.CommandLine;
using System.Reflection;
using ActionAgent.Cli.Logging;
using ActionAgent.Cli.Mcp;
using ActionAgent.Cli.Running;
using ActionAgent.Composition;
using ActionAgent.Core.Scenarios;
using ActionAgent.Desktop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Serilog;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>agent mcp</c>: the agent as an MCP server over stdio, for AI tools (observe, act, run_goal, replay, screenshot).
/// Standard output carries the protocol alone; logs and everything else go to standard error.
/// </summary>
internal static class McpCommand
{
    private const string Instructions = """
        ActionAgent drives a real browser. Start with run_goal (a goal and a startUrl, e.g. site:skyfare for the demo airline);
        its page becomes the current page. Then observe it (accessibility snapshot with roles, names and refs), act on it one
        goal or command at a time ("type Paris in To", "click Search flights"), or take a screenshot. Every run is recorded;
        replay a run's recordingFolder to check it again with no model. Hosts outside the user's allow-list are refused.
        """;

    private const string DesktopInstructions = """
        ActionAgent drives one desktop app here (the user chose it). Observe it (its windows as an accessibility snapshot with
        roles, names and refs), act on it one goal or command at a time ("type Ada into Name", "click OK"), or take a
        screenshot of the display. Every act is recorded. run_goal and replay open browser pages and are not served here.
        """;

    public static Command Create()
    {
        var allowDomain = new Option<string[]>("--allow-domain")
        {
            Description = "A host the tools may reach (subdomains included). Repeatable. Default: 127.0.0.1 and localhost only, where site:NAME " +
                          "demo sites are served. A start URL or recording outside the list is refused; no tool call can widen it.",
            AllowMultipleArgumentsPerToken = false,
        };
        var approve = CommonOptions.Approve();
        approve.Description = "Approve every step the policy marks as sensitive, without asking. Without it such a step is refused (there is no one to ask on stdio).";
        var headed = CommonOptions.Headed();
        var noVision = CommonOptions.NoVision();
        var planner = CommonOptions.Planner();
        var onDevice = CommonOptions.OnDevice();
        var skills = CommonOptions.Skills();
        var output = new Option<string?>("--out", "-o") { Description = "The folder for the recordings: runs under OUT/runs, replay reports under OUT/replays (default: recordings)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log each step on standard error too (by default only errors)." };
        var logFile = new Option<string?>("--log") { Description = "Also write the server's log as JSON lines to this file." };
        var desktop = new Option<string?>("--desktop") { Description = "Serve a desktop app instead of a browser: this command line is launched (on first use, through AT-SPI) and observe and screenshot show its windows. The app you name here is the only one the server may launch." };
        var attach = new Option<string?>("--attach") { Description = "Serve a running desktop app (by its accessible or process name) instead of a browser; it is left running." };
        var window = new Option<string?>("--window") { Description = "With --desktop: the title (or part of it) of the window to wait for." };
        var screenshots = CommonOptions.Screenshots("run_goal's runs");
        var wait = new Option<string?>("--wait") { Description = "With --desktop: how long the app may take to show its window (default 20s)." };

        var command = new Command("mcp", """
            Serve the agent to an AI tool over MCP (Model Context Protocol) on stdio: the client starts `agent mcp` and talks
            JSON-RPC on its standard input and output. Logs go to standard error (and --log FILE), never to standard output.

            Tools:
              run_goal    a goal from a start URL (or site:NAME) in a fresh page, recorded: outcome, steps, failure reason, recording folder
              act         one goal or command on the current page ("click Search flights", "type Paris in To")
              observe     the current page as the planners see it: URL, title, accessibility snapshot with roles, names and refs
              screenshot  a PNG of the current page (MCP image content)
              replay      a recording folder, with no model: the verdict of every step

            Policy: the browser reaches only the hosts of --allow-domain (default: 127.0.0.1 and localhost, for demo sites);
            a tool argument never widens that. Steps the policy marks as sensitive are refused unless --approve is given.
            Recordings to replay must be under the working directory or --out. No secret is ever read by these tools.

            Hook it into an MCP client (Claude Desktop, VS Code, Cursor, ...) with a server entry such as:
              {
                "mcpServers": {
                  "actionagent": {
                    "command": "agent",
                    "args": ["mcp", "--allow-domain", "example.com", "--out", "/home/me/agent-recordings"]
                  }
                }
              }
            From a clone, use "command": "/path/to/clone/agent" (the wrapper script; it builds first, logging to standard error),
            or "command": "dotnet" with "args": ["/path/to/clone/src/ActionAgent.Cli/bin/Debug/net10.0/agent.dll", "mcp"].
            Set "cwd" to the clone so site:NAME finds scenarios/sites (an installed tool carries its own copy).

            Examples:
              agent mcp
              agent mcp --allow-domain example.com --approve --out recordings/mcp
              agent mcp --planner compatible --on-device --headed
              agent mcp --screenshots failures                 run_goal keeps only the pictures its checks read
              agent mcp --desktop gnome-calculator --window Calculator --wait 40s   observe and screenshot a desktop app
            """)
        {
            allowDomain, approve, headed, noVision, planner, onDevice, skills, output, verbose, logFile, desktop, attach, window, wait, screenshots,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = CliAgentOptions.Create(parse.GetValue(planner), parse.GetValue(onDevice), parse.GetValue(noVision), parse.GetValue(skills));
            options.Browser.Headed = parse.GetValue(headed);
            options.Recording.Screenshots = CommonOptions.ScreenshotsChoice(parse.GetValue(screenshots));
            if (parse.GetValue(approve)) options.Policy.Approvals = new AutoApprovalGate();
            if (parse.GetValue(output) is { } folder)
            {
                options.Recording.Folder = Path.Combine(folder, "runs");
                options.Recording.ReplayFolder = Path.Combine(folder, "replays");
            }
            var app = DesktopApp(options, parse.GetValue(desktop), parse.GetValue(attach), parse.GetValue(window), parse.GetValue(wait), out var appError);
            if (appError is not null)
            {
                CliErrors.Error(appError);
                return ExitCodes.BadInput;
            }
            return await ServeAsync(options, parse.GetValue(allowDomain) ?? [], parse.GetValue(output), parse.GetValue(verbose), parse.GetValue(logFile),
                cancellationToken, app);
        });
        return command;
    }

    /// <summary>
    /// The desktop app of a desktop session (<c>--desktop</c> or <c>--attach</c>), or null for a browser session. The app
    /// the user names is the allow-list: no tool argument names a program.
    /// </summary>
    private static DesktopOptions? DesktopApp(AgentOptions options, string? launch, string? attach, string? window, string? wait, out string? error)
    {
        error = null;
        if (launch is null && attach is null)
        {
            if (window is not null || wait is not null) error = "--window and --wait go with --desktop (a desktop app to launch).";
            return null;
        }
        if (launch is not null && attach is not null)
        {
            error = "--desktop and --attach: give one (launch an app, or attach to a running one).";
            return null;
        }
        var program = attach ?? CommandLineSplitter.Split(launch!).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(program))
        {
            error = "--desktop: give the app's command line (e.g. --desktop gnome-calculator).";
            return null;
        }
        TimeSpan? timeout = null;
        if (wait is not null)
        {
            if (!DurationSyntax.TryParse(wait, out var parsed))
            {
                error = $"--wait: '{wait}' is not a duration (20s, 1m).";
                return null;
            }
            timeout = parsed.Value;
        }
        var app = new DesktopOptions
        {
            Launch = launch,
            Attach = attach,
            Window = window,
            AllowedApps = [Path.GetFileName(program)],
            Display = options.Desktop.Display,
            SessionBusAddress = options.Desktop.SessionBusAddress,
            AccessibilityBusAddress = options.Desktop.AccessibilityBusAddress,
        };
        return timeout is { } t ? app with { WindowTimeout = t } : app;
    }

    private static async Task<int> ServeAsync(AgentOptions options, string[] allowDomains, string? output, bool verbose, string? logFile,
        CancellationToken cancellationToken, DesktopOptions? desktop = null)
    {
        if (allowDomains.FirstOrDefault(d => string.IsNullOrWhiteSpace(d) || d.Contains('/', StringComparison.Ordinal)) is { } bad)
        {
            CliErrors.Error($"--allow-domain: \"{bad}\" is not a host name (give example.com, not a URL).");
            return ExitCodes.BadInput;
        }
        // A planner that cannot be made (unknown backend, missing key) is the user's mistake: say so now, not on the first call.
        var probe = new Scenario { Name = "mcp", Goal = "check the planner", App = new AppSpec { Browser = new BrowserAppSpec("about:blank") } };
        if (new AgentComposition(options).CreatePlanner(probe, perception: null, out var plannerError) is null)
        {
            CliErrors.Error(plannerError ?? "no planner could be chosen");
            return ExitCodes.BadInput;
        }

        var policy = new McpPolicy(allowDomains, [Environment.CurrentDirectory, output ?? Environment.CurrentDirectory]);
        foreach (var allowed in policy.Hosts) options.Policy.AllowDomains.Add(allowed);

        // Before anything else can write: standard output is the protocol's from here on.
        using var stdio = ProtocolStdio.Claim();
        await using var log = RunLogging.Create(logFile, verbose);
        Log.Logger = log; // the server's own events (tool failures, refused arguments)
        using var loggerFactory = RunLogging.Factory(log);
        options.LoggerFactory = loggerFactory; // the agent's and its engines' events
        await using var session = new McpAgentSession(options, policy, desktop);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(log);
        builder.Services.AddSingleton(session);
        builder.Services
            .AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = "actionagent", Title = "ActionAgent", Version = Version() };
                o.ServerInstructions = desktop is null ? Instructions : DesktopInstructions;
            })
            .WithStreamServerTransport(stdio.Input, stdio.Output)
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolArgumentCheck.Filter))
            .WithTools<AgentTools>();
        using var host = builder.Build();
        Log.Information("MCP server on stdio; allowed hosts {Hosts}; approvals {Approvals}; recordings {Folder}; desktop app {App}", policy.Describe(),
            options.Policy.Approvals?.Name ?? "refused", Path.GetFullPath(options.Recording.Folder), desktop?.Launch ?? desktop?.Attach ?? "none");
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the session below still closes the browser.
        }
        Log.Information("MCP server stopped");
        return ExitCodes.Success;
    }

    private static string Version() =>
        typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
