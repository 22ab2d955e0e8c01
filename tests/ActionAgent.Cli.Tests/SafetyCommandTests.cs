using System.Net;
using System.Net.Sockets;
using ActionAgent.Composition;

namespace ActionAgent.Cli.Tests;

/// <summary>Secrets and policy at the command line: refusals are clean (exit 2), and a goal run stays on its start host.</summary>
public sealed class SafetyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agent-safety-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_with_trace_is_refused_with_a_clear_message_when_the_scenario_uses_secrets()
    {
        var scenario = Path.Combine(_folder, "pay.yaml");
        await File.WriteAllTextAsync(scenario, """
            name: pay
            goal: pay with the card
            app: { browser: { start: "http://127.0.0.1:9/" } }
            secrets: { card: { env: SAFETY_TEST_CARD } }
            """);
        var recording = Path.Combine(_folder, "rec");

        var result = await AgentProcess.RunAsync(["run", scenario, "--trace", "--record-to", recording],
            new Dictionary<string, string?> { ["SAFETY_TEST_CARD"] = "4242424242424242" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--trace is refused", result.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Flat, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(recording, "trace.zip")));
    }

    [Fact]
    public async Task Replay_with_trace_is_refused_for_a_recording_that_uses_secrets()
    {
        var result = await AgentProcess.RunAsync(["replay", Path.Combine(AgentProcess.RepositoryRoot, "recordings", "book-flight"), "--trace",
            "--out", Path.Combine(_folder, "replay")]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--trace is refused", result.Flat, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "replay", "trace.zip")));
    }

    [Fact]
    public async Task A_goal_run_without_an_allow_list_cannot_open_another_host()
    {
        using var attacker = new TcpListener(IPAddress.IPv6Any, 0);
        attacker.Server.DualMode = true;
        attacker.Start();
        var port = ((IPEndPoint)attacker.LocalEndpoint).Port;
        var received = new System.Text.StringBuilder();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await attacker.AcceptTcpClientAsync();
                    var buffer = new byte[4096];
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                    lock (received) received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
            {
                // The listener stopped, or a speculative connection sent nothing.
            }
        });

        var result = await AgentProcess.RunAsync(["run", "--goal", $"go to http://localhost:{port}/collect", "--start", "site:skyfare",
            "--record-to", Path.Combine(_folder, "goal"), "--no-vision"]);

        // What this test holds the driver to is the policy: the page never left its start host. (Whether the planner then
        // reports the goal as failed is the planner's business.)
        lock (received) Assert.Equal("", received.ToString());
        Assert.Contains("is not allowed by the allow-list", result.Flat, StringComparison.Ordinal);
        Assert.Contains("not allowed by the allow-list", await File.ReadAllTextAsync(Path.Combine(_folder, "goal", "recording.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_takes_the_users_allow_list_and_the_recordings_list_only_narrows_it()
    {
        var composition = new AgentComposition(new AgentOptions().AllowDomains("example.com"));
        var list = composition.AllowListFor(scenario: null, "https://example.com/", ["attacker.test", "shop.example.com"]);

        Assert.True(list.Allows(new Uri("https://shop.example.com/"), navigation: true));
        Assert.False(list.Allows(new Uri("https://attacker.test/"), navigation: true));
        Assert.False(list.Allows(new Uri("https://www.example.com/"), navigation: true));
    }

    [Fact]
    public void Without_the_users_list_a_replay_stays_on_the_host_it_starts_on()
    {
        var list = new AgentComposition(new AgentOptions()).AllowListFor(scenario: null, "http://127.0.0.1:5000/", ["attacker.test", "127.0.0.1"]);

        Assert.True(list.Allows(new Uri("http://127.0.0.1:5000/pay"), navigation: true));
        Assert.False(list.Allows(new Uri("https://attacker.test/"), navigation: true));
    }
}
