namespace ActionAgent.Browser.Tests;

public sealed class BrowserLocatorTests
{
    private static BrowserLocator Machine(IReadOnlyCollection<string> files, IReadOnlyDictionary<string, string>? env = null, IReadOnlyDictionary<string, string[]>? dirs = null) =>
        new(files.Contains,
            name => env is not null && env.TryGetValue(name, out var v) ? v : null,
            dir => dirs is not null && dirs.TryGetValue(dir, out var d) ? d : []);

    [Fact]
    public void Nothing_found_throws_with_install_advice()
    {
        var locator = Machine([]);

        var error = Assert.Throws<BrowserNotFoundException>(() => locator.Locate());

        Assert.Contains("sudo apt-get install chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("ACTIONAGENT_BROWSER", error.Message, StringComparison.Ordinal);
        Assert.Contains("playwright.config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_path_wins_over_config_environment_and_well_known_paths()
    {
        var locator = Machine(["/opt/explicit", "/opt/config", "/opt/env", "/usr/bin/chromium"], new Dictionary<string, string> { ["ACTIONAGENT_BROWSER"] = "/opt/env" });
        var config = new PlaywrightConfig { Browser = new PlaywrightBrowserConfig { ExecutablePath = "/opt/config" } };

        Assert.Equal("/opt/explicit", locator.Locate("/opt/explicit", config));
    }

    [Fact]
    public void Config_path_wins_over_the_environment_variable()
    {
        var locator = Machine(["/opt/config", "/opt/env"], new Dictionary<string, string> { ["ACTIONAGENT_BROWSER"] = "/opt/env" });
        var config = new PlaywrightConfig { Browser = new PlaywrightBrowserConfig { ExecutablePath = "/opt/config" } };

        Assert.Equal("/opt/config", locator.Locate(config: config));
    }

    [Fact]
    public void Environment_variable_wins_over_well_known_paths()
    {
        var locator = Machine(["/opt/env", "/usr/bin/chromium"], new Dictionary<string, string> { ["ACTIONAGENT_BROWSER"] = "/opt/env" });

        Assert.Equal("/opt/env", locator.Locate());
    }

    [Fact]
    public void Playwright_cache_is_searched_newest_revision_first()
    {
        var cache = "/home/u/.cache/ms-playwright";
        var locator = Machine(
            [$"{cache}/chromium-1100/chrome-linux/chrome", $"{cache}/chromium-1187/chrome-linux/chrome"],
            new Dictionary<string, string> { ["HOME"] = "/home/u" },
            new Dictionary<string, string[]> { [cache] = [$"{cache}/chromium-1100", $"{cache}/chromium-1187"] });

        Assert.Equal($"{cache}/chromium-1187/chrome-linux/chrome", locator.Locate());
    }

    [Fact]
    public void A_headless_run_takes_the_headless_shell_before_the_full_browser()
    {
        var locator = Machine(["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"]);

        Assert.Equal("/usr/bin/chromium-headless-shell", locator.Locate(headless: true));
        Assert.Equal("/usr/bin/chromium", locator.Locate(headless: false));
        Assert.Equal("/usr/bin/chromium", locator.Locate());
    }

    [Fact]
    public void A_headless_run_without_a_headless_shell_takes_the_full_browser()
    {
        Assert.Equal("/usr/bin/chromium", Machine(["/usr/bin/chromium"]).Locate(headless: true));
    }

    [Fact]
    public void A_path_given_by_the_user_wins_over_the_headless_shell()
    {
        var locator = Machine(["/opt/env", "/usr/bin/chromium-headless-shell"], new Dictionary<string, string> { ["ACTIONAGENT_BROWSER"] = "/opt/env" });

        Assert.Equal("/opt/env", locator.Locate(headless: true));
    }

    [Fact]
    public void A_headed_run_never_gets_a_headless_shell()
    {
        var cache = "/home/u/.cache/ms-playwright";
        var locator = Machine(
            ["/usr/bin/chromium-headless-shell", $"{cache}/chromium_headless_shell-1187/chrome-linux/headless_shell", $"{cache}/chromium-1187/chrome-linux/chrome"],
            new Dictionary<string, string> { ["HOME"] = "/home/u" },
            new Dictionary<string, string[]> { [cache] = [$"{cache}/chromium-1187", $"{cache}/chromium_headless_shell-1187"] });

        Assert.Equal($"{cache}/chromium-1187/chrome-linux/chrome", locator.Locate(headless: false));
        Assert.Equal("/usr/bin/chromium-headless-shell", locator.Locate(headless: true));
        Assert.Null(Machine(["/usr/bin/chromium-headless-shell"]).TryLocate(headless: false));
    }

    [Fact]
    public void The_launch_options_pick_the_browser_for_their_headedness_and_add_the_caller_s_flags_after_the_quiet_ones()
    {
        var locator = Machine(["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"]);

        var headless = new BrowserOptions { Locator = locator, UseConfigFile = false, Args = ["--lang=en"] }.LaunchOptions();
        var headed = new BrowserOptions { Locator = locator, UseConfigFile = false, Headed = true }.LaunchOptions();

        Assert.Equal(("/usr/bin/chromium-headless-shell", true), (headless.ExecutablePath, headless.Headless));
        Assert.Equal([.. BrowserOptions.QuietArgs, "--lang=en"], headless.Args);
        Assert.Equal(("/usr/bin/chromium", false), (headed.ExecutablePath, headed.Headless));
    }

    [Fact]
    public void Config_file_is_found_in_a_parent_directory_and_read()
    {
        var root = Directory.CreateTempSubdirectory("actionagent-config-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, ".git"));
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "app"));
            File.WriteAllText(Path.Combine(root.FullName, "playwright.config.json"),
                """{ "browser": { "executablePath": "/x/chrome", "headless": false, "args": ["--lang=en"], } }""");

            var config = PlaywrightConfig.Find(nested.FullName);

            Assert.Equal(("/x/chrome", false, "--lang=en"), (config?.Browser.ExecutablePath, config?.Browser.Headless, config?.Browser.Args.Single()));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
