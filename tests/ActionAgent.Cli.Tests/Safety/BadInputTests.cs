using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>
/// Input that used to crash the agent with a stack trace (exit 1 or 134): each is now a clear error naming file,
/// line, column and field (for files) or the option (for the command line), exit 2, and no stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario(string body)
    {
        var path = Path.Combine(_dir, "scenario.yaml");
        File.WriteAllText(path, "name: x\ngoal: y\napp: { browser: { start: \"http://127.0.0.1:9/\" } }\n" + body);
        return path;
    }

    private static void AssertBadInput(AgentResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "policy:\n  timeout: 99999999999h\n", "scenario.yaml:5:12: policy.timeout: 99999999999h is longer than the most this field allows (24h)")]
    [InlineData("validate", "policy:\n  timeout: 2000h\n", "scenario.yaml:5:12: policy.timeout: 2000h is longer than the most this field allows (24h)")]
    [InlineData("validate", "policy:\n  step_timeout: 30h\n", "scenario.yaml:5:17: policy.step_timeout: 30h is longer than the most this field allows (1h)")]
    [InlineData("run", "policy:\n  timeout: 2000h\n", "scenario.yaml:5:12: policy.timeout: 2000h is longer")]
    [InlineData("run", "policy:\n  step_timeout: 30h\n", "scenario.yaml:5:17: policy.step_timeout: 30h is longer")]
    public async Task A_duration_beyond_its_maximum_is_bad_input_in_validate_and_run(string command, string body, string expected)
    {
        var result = await AgentProcess.RunAsync([command, Scenario(body)]);
        AssertBadInput(result, expected);
    }

    [Fact]
    public async Task A_665_byte_yaml_alias_bomb_fails_fast_with_a_clear_error()
    {
        // The classic shape: nine levels, each a list of nine aliases to the level below (9^9 nodes once expanded).
        var bomb = new StringBuilder("inputs:\n  aaa: &aaa [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var name = new string(level, 3);
            var previous = new string((char)(level - 1), 3);
            bomb.Append(CultureInfo($"  {name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]\n"));
        }
        var path = Scenario(bomb.ToString());
        Assert.InRange(new FileInfo(path).Length, 640, 690);
        var watch = Stopwatch.StartNew();
        var result = await AgentProcess.RunAsync(["validate", path], timeout: TimeSpan.FromSeconds(60));
        watch.Stop();
        AssertBadInput(result, "the text stands for more than 100,000 nodes once its aliases (*name) are expanded");
        Assert.Matches(@"scenario\.yaml:\d+:\d+: \(root\):", result.Stderr);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"validate took {watch.Elapsed}");
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    [Fact]
    public async Task Forty_kilobytes_of_nested_brackets_is_a_clear_error_not_a_stack_overflow()
    {
        var path = Scenario("inputs:\n  deep: " + new string('[', 20_000) + new string(']', 20_000) + "\n");
        var result = await AgentProcess.RunAsync(["validate", path]);
        AssertBadInput(result, "the text nests deeper than 64 levels");
        Assert.True(result.Output.Split('\n').Length < 20, "the error is a few lines, not a stack dump");
    }

    [Fact]
    public async Task Sites_serve_on_port_70000_is_bad_input()
    {
        var result = await AgentProcess.RunAsync(["sites", "serve", "skyfare", "--port", "70000"]);
        AssertBadInput(result, "--port 70000: a port is a number from 0 (any free port) to 65535");
    }

    [Fact]
    public async Task Run_with_record_to_an_existing_file_is_bad_input()
    {
        var file = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(file, "keep me");
        var result = await AgentProcess.RunAsync(["run", Scenario(""), "--record-to", file]);
        AssertBadInput(result, "is a file; the output needs a folder");
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public async Task Plan_with_start_on_a_closed_port_is_bad_input()
    {
        var port = ClosedPort();
        var result = await AgentProcess.RunAsync(["plan", "--goal", "click Submit", "--start", $"http://127.0.0.1:{port}/"]);
        AssertBadInput(result, $"--start: could not open http://127.0.0.1:{port}/");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
