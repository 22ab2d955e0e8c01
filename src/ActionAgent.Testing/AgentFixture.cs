using System.Runtime.CompilerServices;
using ActionAgent.Browser;
using ActionAgent.Composition;
using ActionAgent.Core.Policy;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace ActionAgent.Testing;

/// <summary>
/// One Chromium for a test class (<c>IClassFixture&lt;AgentFixture&gt;</c>) or a collection
/// (<c>ICollectionFixture&lt;AgentFixture&gt;</c>), launched once; each test gets a fresh browser context, a page and an
/// <see cref="Agent"/> over it from <see cref="StartTestAsync"/>, recording into a folder of its own.
/// </summary>
/// <remarks>
/// Derive from it to change the options every test's agent gets (<see cref="Configure"/>) or where results go
/// (<see cref="ResultsFolder"/>). The browser is found as the agent finds it: <c>playwright.config.json</c>, the
/// <c>ACTIONAGENT_BROWSER</c> variable (read through <see cref="AgentConfiguration"/>), then the usual install paths.
/// </remarks>
/// <example>
/// <code>
/// public sealed class SearchTests(AgentFixture fixture, ITestOutputHelper output) : IClassFixture&lt;AgentFixture&gt;
/// {
///     [Fact]
///     public async Task The_agent_finds_flights()
///     {
///         await using var test = await fixture.StartTestAsync(output);
///         var run = await test.Agent.RunAsync("search flights from London to Paris", "https://shop.example.test/");
///         Assert.True(run.Succeeded, run.Reason);
///     }
/// }
/// </code>
/// </example>
public class AgentFixture : IAsyncLifetime
{
    // The folders this process gave out, across fixtures (test classes share a results folder).
    private static readonly HashSet<string> UsedFolders = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The folder each test's results go under, one subfolder per test.</summary>
    /// <value>The default value is <c>TestResults/actionagent</c> under the working directory (the test assembly's folder under <c>dotnet test</c>).</value>
    public virtual string ResultsFolder => Path.GetFullPath(Path.Combine("TestResults", "actionagent"));

    /// <summary>Whether each test's browser context records a Playwright trace (<c>trace.zip</c> in the test's folder).</summary>
    /// <value>
    /// The default value is true. A trace is not masked, so the kit drops it for a test whose runs or replays used
    /// secrets; turn it off when tests type real credentials into pages another way.
    /// </value>
    public virtual bool Trace => true;

    /// <summary>The shared browser; launched by <see cref="InitializeAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The fixture has not been initialized.</exception>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture's browser is not launched yet: xUnit calls InitializeAsync before the first test.");

    /// <summary>Launches the browser.</summary>
    /// <returns>A task that completes when the browser runs.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found (the message says how to install one).</exception>
    public async Task InitializeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_browser is { IsConnected: true }) return;
            var options = CreateOptions();
            var browserOptions = new AgentComposition(options).BrowserOptionsFor(AllowList.AnyHost);
            var launch = browserOptions.LaunchOptions();
            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            _browser = await _playwright.Chromium.LaunchAsync(launch).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts one test: a fresh browser context and page, an agent over it that records into
    /// <c><see cref="ResultsFolder"/>/TEST</c>, and a trace. Dispose the result at the end of the test (<c>await using</c>):
    /// it writes the test's report and trace paths into <paramref name="output"/>, where xUnit and CI show them when the
    /// test fails.
    /// </summary>
    /// <param name="output">The test's output (a constructor parameter of the test class).</param>
    /// <param name="testName">The test's name; by default the calling method's.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The test's agent, page and folder.</returns>
    public async Task<AgentTest> StartTestAsync(ITestOutputHelper output, [CallerMemberName] string testName = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        cancellationToken.ThrowIfCancellationRequested();
        if (_browser is null) await InitializeAsync().ConfigureAwait(false);
        var folder = TestFolder(testName);
        var options = CreateOptions();
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = options.Browser.ViewportWidth, Height = options.Browser.ViewportHeight },
        }).ConfigureAwait(false);
        try
        {
            if (Trace) await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Title = testName }).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            var agent = await Agent.ForPageAsync(page, o =>
            {
                AgentFactory.Copy(options, o);
                o.RecordTo(Path.Combine(folder, "runs"));
                o.Recording.ReplayFolder = Path.Combine(folder, "replays");
            }, cancellationToken).ConfigureAwait(false);
            return new AgentTest(testName, folder, context, page, agent, output, Trace);
        }
        catch
        {
            await context.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the browser.</summary>
    /// <returns>A task that completes when the browser is closed.</returns>
    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync().ConfigureAwait(false);
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Sets the options every test's agent gets. The default reads the environment's browser, model and secrets
    /// variables (<see cref="AgentConfiguration.FromEnvironment()"/>) and plans with the offline planner.
    /// </summary>
    /// <param name="options">The options to change; the recording folders are set by the kit afterwards.</param>
    protected virtual void Configure(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseOfflinePlanner();
    }

    private AgentOptions CreateOptions()
    {
        var options = AgentConfiguration.FromEnvironment();
        Configure(options);
        return options;
    }

    private string TestFolder(string testName)
    {
        var name = string.Concat(testName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        if (name.Length > 120) name = name[..120];
        lock (UsedFolders)
        {
            // A folder left by an earlier run of the suite is replaced; a theory's later cases in this run get -2, -3...
            var folder = Path.Combine(ResultsFolder, name);
            for (var n = 2; !UsedFolders.Add(folder); n++) folder = Path.Combine(ResultsFolder, $"{name}-{n}");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
