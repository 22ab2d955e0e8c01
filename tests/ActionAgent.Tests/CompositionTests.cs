using System.Net;
using ActionAgent.Composition;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Replay;
using ActionAgent.Core.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Tests;

/// <summary>The one composition root: options bound in one place; run and replay share one allow-list rule and one site host.</summary>
public sealed class CompositionTests
{
    private static Scenario GoalAt(string start) => new() { Name = "g", Goal = "g", App = new AppSpec { Browser = new BrowserAppSpec(start) } };

    [Fact]
    public void Run_and_replay_allow_the_users_domains_with_their_subdomains_and_nothing_else()
    {
        var composition = new AgentComposition(new AgentOptions().AllowDomains("example.test"));

        var run = composition.AllowListFor(GoalAt("https://shop.example.test/"), "https://shop.example.test/");
        var replay = composition.AllowListFor(scenario: null, "https://shop.example.test/", recorded: ["example.test", "attacker.test"]);

        foreach (var list in new[] { run, replay })
        {
            Assert.True(list.Allows(new Uri("https://api.example.test/x"), navigation: true));
            Assert.True(list.Allows(new Uri("https://example.test/"), navigation: true));
            Assert.False(list.Allows(new Uri("https://attacker.test/"), navigation: true));
            Assert.False(list.Allows(new Uri("https://example.test.attacker.test/"), navigation: true));
        }
    }

    [Fact]
    public void Without_a_users_list_run_and_replay_stay_on_the_start_host_and_its_subdomains()
    {
        var composition = new AgentComposition(new AgentOptions());

        var run = composition.AllowListFor(GoalAt("https://shop.example.test/"), "https://shop.example.test/");
        var replay = composition.AllowListFor(scenario: null, "https://shop.example.test/", recorded: ["attacker.test", "shop.example.test"]);

        foreach (var list in new[] { run, replay })
        {
            Assert.True(list.Allows(new Uri("https://cdn.shop.example.test/app.js"), navigation: false));
            Assert.False(list.Allows(new Uri("https://example.test/"), navigation: true));
            Assert.False(list.Allows(new Uri("https://attacker.test/"), navigation: true));
        }
    }

    [Fact]
    public async Task Run_and_replay_serve_a_demo_site_through_the_same_host()
    {
        var composition = new AgentComposition(new AgentOptions { SitesFolder = Repository.File("scenarios", "sites") });
        var (recording, path, error) = await RecordingFile.LoadAsync(Repository.File("recordings", "book-flight"), CancellationToken.None);
        Assert.True(recording is not null, error);

        await using var run = await composition.PrepareRunAsync(GoalAt("site:skyfare/?today=2026-11-28"), CancellationToken.None);
        await using var replay = await composition.PrepareReplayAsync(recording, path, new ReplaySetupRequest(), CancellationToken.None);

        using var http = new HttpClient();
        foreach (var start in new[] { run.StartUrl!, replay.StartUrl! })
        {
            Assert.Equal("127.0.0.1", new Uri(start).Host);
            var page = await http.GetAsync(new Uri(start));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("SkyFare", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(run.Site!.SiteDirectory, replay.Site!.SiteDirectory);
    }

    [Fact]
    public void Configuration_and_environment_are_bound_in_one_place()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ActionAgent:Browser:Headed"] = "true",
            ["ActionAgent:Planner:Backend"] = "compatible",
            ["ActionAgent:Vision:Enabled"] = "false",
            ["ActionAgent:Models:ACTIONAGENT_LLM_MODEL"] = "small",
            ["ActionAgent:Policy:AllowDomains:0"] = "example.test",
            ["ActionAgent:Recording:Folder"] = "out/runs",
        }).Build();
        var environment = new Dictionary<string, string> { ["ACTIONAGENT_SKILLS"] = "/skills", ["OPENAI_API_KEY"] = "k", ["HOME"] = "/root" };

        var options = AgentConfiguration.Bind(AgentConfiguration.FromEnvironment(name => environment.GetValueOrDefault(name)), configuration.GetSection("ActionAgent"));

        Assert.True(options.Browser.Headed);
        Assert.Equal("compatible", options.Planner.Backend);
        Assert.False(options.Vision.Enabled);
        Assert.Equal("small", options.Models.Get("ACTIONAGENT_LLM_MODEL"));
        Assert.Equal("k", options.Models.Get("OPENAI_API_KEY"));
        Assert.Null(options.Models.Get("HOME")); // only the model variables are taken
        Assert.Equal("/skills", options.Planner.SkillsFolder);
        Assert.Equal(["example.test"], options.Policy.AllowDomains);
        Assert.Equal("out/runs", options.Recording.Folder);
    }

    [Fact]
    public void The_binder_fills_the_browser_locator_and_the_desktop_session_from_their_variables()
    {
        var environment = new Dictionary<string, string>
        {
            ["ACTIONAGENT_BROWSER"] = "/opt/chrome", ["HOME"] = "/home/me", ["DISPLAY"] = ":99",
            ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/bus", ["AT_SPI_BUS_ADDRESS"] = "unix:path=/run/a11y", ["UNRELATED"] = "x",
        };

        var options = AgentConfiguration.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal("/opt/chrome", options.Browser.LocatorVariables["ACTIONAGENT_BROWSER"]);
        Assert.Equal("/home/me", options.Browser.LocatorVariables["HOME"]);
        Assert.False(options.Browser.LocatorVariables.ContainsKey("UNRELATED"));
        Assert.Null(options.Browser.ExecutablePath); // ACTIONAGENT_BROWSER keeps its place after playwright.config.json
        Assert.Equal(":99", options.Desktop.Display);
        Assert.Equal("unix:path=/run/bus", options.Desktop.SessionBusAddress);
        Assert.Equal("unix:path=/run/a11y", options.Desktop.AccessibilityBusAddress);
    }

    [Fact]
    public void The_composition_gives_the_browser_the_locator_variables_the_binder_read()
    {
        var executable = Path.GetTempFileName();
        try
        {
            var options = new AgentOptions();
            options.Browser.LocatorVariables["ACTIONAGENT_BROWSER"] = executable;

            var browser = new AgentComposition(options).BrowserOptionsFor(ActionAgent.Core.Policy.AllowList.AnyHost);

            Assert.Equal(executable, browser.Locator.Locate());
        }
        finally
        {
            File.Delete(executable);
        }
    }

    [Fact]
    public void A_fallback_source_fills_only_what_the_environment_leaves_unset()
    {
        var variable = $"ACTIONAGENT_TEST_FALLBACK_{Guid.NewGuid():N}";

        var options = AgentConfiguration.FromEnvironment(new Dictionary<string, string> { [variable] = "from-file", ["PATH"] = "file-path" });

        Assert.Equal("from-file", options.SecretVariables(variable));
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), options.SecretVariables("PATH"));
        Assert.Null(Environment.GetEnvironmentVariable(variable)); // never written to the process environment
    }

    [Fact]
    public void A_value_that_cannot_be_read_names_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Vision:Enabled"] = "sometimes" }).Build();

        var error = Assert.Throws<FormatException>(() => AgentConfiguration.Bind(new AgentOptions(), configuration));

        Assert.Contains("Vision:Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runs_pictures_are_bound_from_configuration_and_reach_the_engine()
    {
        var every = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Recording:Screenshots"] = "All" }).Build();
        var wrong = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Recording:Screenshots"] = "some" }).Build();

        var options = AgentConfiguration.Bind(new AgentOptions(), every);
        options.Vision.Enabled = false; // no models needed to see the setting reach the engine
        var composition = new AgentComposition(options);
        var services = composition.CreateEngineServices(composition.CreatePerception(), NullLoggerFactory.Instance);
        var error = Assert.Throws<FormatException>(() => AgentConfiguration.Bind(new AgentOptions(), wrong));

        Assert.Equal(RunScreenshots.All, options.Recording.Screenshots);
        Assert.Equal(RunScreenshots.All, services.Screenshots);
        // Unset, a run takes only the pictures something reads.
        Assert.Equal(RunScreenshots.Failures, new AgentOptions().Recording.Screenshots);
        var unset = new AgentComposition(new AgentOptions { Vision = { Enabled = false } });
        Assert.Equal(RunScreenshots.Failures, unset.CreateEngineServices(unset.CreatePerception(), NullLoggerFactory.Instance).Screenshots);
        Assert.Contains("Recording:Screenshots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddActionAgent_registers_the_bound_options_the_composition_and_the_factory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Planner:SkillsFolder"] = "/skills" }).Build();
        using var provider = new ServiceCollection().AddActionAgent(o => o.AllowDomains("example.test"), configuration).BuildServiceProvider();

        var composition = provider.GetRequiredService<AgentComposition>();

        Assert.Same(provider.GetRequiredService<AgentOptions>(), composition.Options);
        Assert.Equal("/skills", composition.Options.Planner.SkillsFolder);
        Assert.Equal(["example.test"], composition.Options.Policy.AllowDomains);
        Assert.NotNull(provider.GetRequiredService<AgentFactory>());
    }
}
