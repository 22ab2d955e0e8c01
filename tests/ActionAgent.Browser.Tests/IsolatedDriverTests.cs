using System.Diagnostics;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>Tests that need a driver of their own (a policy, a trace, an attached browser); they share the site only.</summary>
[Collection("browser")]
public sealed class IsolatedDriverTests(BrowserFixture browser)
{
    [Fact]
    public async Task Goto_to_a_disallowed_host_is_refused_and_names_the_host()
    {
        await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { AllowedHosts = BrowserOptions.AllowOnly(["localhost"]) });

        var result = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("form.html", host: "127.0.0.1")), CancellationToken.None);

        Assert.Equal(ActionFailureKind.NavigationFailed, result.FailureKind);
        Assert.Contains("\"127.0.0.1\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_to_a_disallowed_host_are_blocked_inside_an_allowed_page()
    {
        await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { AllowedHosts = BrowserOptions.AllowOnly(["127.0.0.1"]) });
        await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("frames.html")), CancellationToken.None);

        var result = await driver.ExecuteAsync(
            BrowserFixture.Act(ActionKind.Click, new ElementTarget { Role = "button", Name = "Cross origin button" }, timeout: TimeSpan.FromMilliseconds(500)),
            CancellationToken.None);

        Assert.Equal(ActionFailureKind.TargetNotFound, result.FailureKind);
    }

    [Fact]
    public async Task A_launch_started_before_the_allow_list_is_known_opens_a_page_under_it()
    {
        var launch = BrowserLaunch.Start();
        await using (launch)
        {
            await using var driver = await launch.OpenAsync(new BrowserOptions { AllowedHosts = BrowserOptions.AllowOnly(["localhost"]) });

            var result = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("form.html", host: "127.0.0.1")), CancellationToken.None);

            Assert.Equal(ActionFailureKind.NavigationFailed, result.FailureKind);
        }
    }

    [Fact]
    public async Task A_download_is_listed_on_the_next_observation_and_saved_under_a_name_that_stays_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("aa-downloads-").FullName;
        var hostile = "";
        try
        {
            await using (var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { DownloadsPath = folder }))
            {
                await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("downloads.html")), CancellationToken.None);
                var before = await driver.ObserveAsync(new ObserveOptions(), CancellationToken.None);

                await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Click, new ElementTarget { Css = "#plain" }), CancellationToken.None);
                await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Click, new ElementTarget { Css = "#plain" }), CancellationToken.None);
                await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Click, new ElementTarget { Css = "#hostile" }), CancellationToken.None);
                var after = await PollAsync(driver, 3);

                Assert.Empty(before.Downloads);
                Assert.Equal(["report.csv", "report (2).csv"], after.Downloads.Take(2));
                hostile = after.Downloads[2];
            }
            // Disposing waits for the files still being saved.
            Assert.Equal("month,total\nMay,12\n", await File.ReadAllTextAsync(Path.Combine(folder, "report.csv")));
            Assert.True(File.Exists(Path.Combine(folder, "report (2).csv")));
            Assert.DoesNotContain('/', hostile);
            Assert.False(hostile.StartsWith('.'), hostile);
            Assert.Equal("owned", await File.ReadAllTextAsync(Path.Combine(folder, hostile)));
            Assert.False(File.Exists(Path.GetFullPath(Path.Combine(folder, "../../.bashrc"))), "the page chose where a file went");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static async Task<Core.Observation.UiObservation> PollAsync(PlaywrightDriver driver, int count)
        {
            for (var i = 0; ; i++)
            {
                var seen = await driver.ObserveAsync(new ObserveOptions(), CancellationToken.None);
                if (seen.Downloads.Count >= count || i == 50) return seen;
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task A_launch_without_a_browser_reports_it_when_opened_and_disposes_quietly()
    {
        var nowhere = new BrowserOptions { Locator = new BrowserLocator(_ => false, _ => null, _ => []), UseConfigFile = false };
        var launch = BrowserLaunch.Start(nowhere);

        await Assert.ThrowsAsync<BrowserNotFoundException>(() => launch.OpenAsync(new BrowserOptions()));
        await launch.DisposeAsync();
        await BrowserLaunch.Start(nowhere).DisposeAsync();
    }

    [Fact]
    public async Task Trace_is_saved_to_the_trace_path_on_dispose()
    {
        var tracePath = Path.Combine(Path.GetTempPath(), $"actionagent-trace-{Guid.NewGuid():N}.zip");
        var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { TracePath = tracePath });
        await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("form.html")), CancellationToken.None);

        await driver.DisposeAsync();

        Assert.True(new FileInfo(tracePath).Length > 0);
        File.Delete(tracePath);
    }

    [Fact]
    public async Task ConnectAsync_acts_in_the_existing_tab_and_leaves_the_browser_running()
    {
        var profile = Directory.CreateTempSubdirectory("actionagent-cdp-");
        using var chromium = Process.Start(new ProcessStartInfo(BrowserLocator.Default.Locate())
        {
            ArgumentList =
            {
                "--headless=new", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}",
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", browser.Site.Url("form.html"),
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        chromium.BeginErrorReadLine();
        chromium.BeginOutputReadLine();
        try
        {
            var port = await ReadDevToolsPortAsync(profile.FullName);
            var driver = await PlaywrightDriver.ConnectAsync($"http://127.0.0.1:{port}");
            var click = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Click, new ElementTarget { Role = "button", Name = "Save", Exact = true }), CancellationToken.None);
            var status = await driver.Page.InnerTextAsync("#status");

            await driver.DisposeAsync();

            using var http = new HttpClient();
            var version = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/version"));
            Assert.True(click.Succeeded, click.Error);
            Assert.Equal("saved", status);
            Assert.False(chromium.HasExited);
            Assert.Contains("Browser", version, StringComparison.Ordinal);
        }
        finally
        {
            chromium.Kill(entireProcessTree: true);
            await chromium.WaitForExitAsync();
            profile.Delete(recursive: true);
        }
    }

    private static async Task<int> ReadDevToolsPortAsync(string profile)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(file))
            {
                var lines = await File.ReadAllLinesAsync(file);
                if (lines.Length > 0 && int.TryParse(lines[0], out var port)) return port;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("Chromium did not write DevToolsActivePort within 10 s.");
    }
}
