using System.Diagnostics;
using System.Text.Json;
using ActionAgent.Browser;
using Microsoft.Playwright;

namespace ActionAgent.Bench.Gym;

/// <summary>
/// One Chromium started with <c>--remote-debugging-port</c>, as a user's browser would be: the harness opens each
/// task in its first tab, the agent attaches to the same browser with <c>--connect</c>, and the harness then reads
/// the page's score.
/// </summary>
internal sealed class GymBrowser : IAsyncDisposable
{
    private readonly Process _chromium;
    private readonly DirectoryInfo _profile;
    private readonly IPlaywright _playwright;
    private readonly HashSet<IPage> _listening = [];
    private readonly IBrowser _browser;

    private GymBrowser(Process chromium, DirectoryInfo profile, IPlaywright playwright, IBrowser browser, string cdpUrl)
    {
        _chromium = chromium;
        _profile = profile;
        _playwright = playwright;
        _browser = browser;
        CdpUrl = cdpUrl;
    }

    /// <summary>The URL the agent connects to (<c>http://127.0.0.1:PORT</c>).</summary>
    public string CdpUrl { get; }

    public static async Task<GymBrowser> StartAsync(CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("gym-chromium-");
        var info = new ProcessStartInfo(BrowserLocator.Default.Locate()) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in BrowserOptions.QuietArgs) info.ArgumentList.Add(arg);
        foreach (var arg in new[] { "--headless", "--remote-debugging-port=0", "--window-size=1280,800", $"--user-data-dir={profile.FullName}", "about:blank" })
        {
            info.ArgumentList.Add(arg);
        }
        var chromium = Process.Start(info) ?? throw new InvalidOperationException("Chromium did not start.");
        chromium.BeginErrorReadLine();
        chromium.BeginOutputReadLine();
        var port = await ReadPortAsync(profile, ct);
        var cdpUrl = $"http://127.0.0.1:{port}";
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.ConnectOverCDPAsync(cdpUrl);
        return new GymBrowser(chromium, profile, playwright, browser, cdpUrl);
    }

    /// <summary>Opens <paramref name="url"/> in the first tab (a fresh load resets the task) and returns the goal it shows.</summary>
    public async Task<string> OpenTaskAsync(Uri url)
    {
        var page = await FirstTabAsync();
        if (_listening.Add(page))
        {
            // A Playwright client with no dialog listener dismisses every dialog at once: the harness would answer the
            // agent's confirm() before the agent could. A listener that does nothing leaves dialogs to the agent.
            page.Dialog += (_, _) => { };
        }
        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        return await page.EvaluateAsync<string>("window.__goal");
    }

    /// <summary>Reads <c>window.__score</c> from the first tab; not done when the page is gone or has no score.</summary>
    public async Task<(bool Done, string Detail)> ReadScoreAsync()
    {
        try
        {
            var page = await FirstTabAsync();
            var json = await page.EvaluateAsync<JsonElement>("window.__score ? { done: window.__score.done === true, detail: String(window.__score.detail) } : null");
            if (json.ValueKind != JsonValueKind.Object) return (false, $"no score on {page.Url}");
            return (json.GetProperty("done").GetBoolean(), json.GetProperty("detail").GetString() ?? "");
        }
        catch (PlaywrightException e)
        {
            return (false, "could not read the score: " + e.Message.Split('\n')[0]);
        }
    }

    private async Task<IPage> FirstTabAsync()
    {
        var context = _browser.Contexts[0];
        // Tabs the agent opened are closed so that the next task is again the first (and only) tab.
        foreach (var extra in context.Pages.Skip(1).ToList()) await extra.CloseAsync();
        return context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        if (!_chromium.HasExited) _chromium.Kill(entireProcessTree: true);
        await _chromium.WaitForExitAsync();
        _chromium.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile for a moment; a temp folder left behind is harmless.
        }
    }

    private static async Task<int> ReadPortAsync(DirectoryInfo profile, CancellationToken ct)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(file) && (await File.ReadAllLinesAsync(file, ct)) is [var first, ..] && int.TryParse(first, out var port)) return port;
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException("Chromium did not write DevToolsActivePort within 60 s.");
    }
}
