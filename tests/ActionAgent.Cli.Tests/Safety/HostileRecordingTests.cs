using System.Text.Json.Nodes;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>
/// A recording is code from someone else: replaying it must not read the environment variables it names, nor any
/// file outside its folder. Each test replays a copy of the committed recording with one hostile change; every one
/// must stop before a browser starts, with exit 2 and a message naming the field.
/// </summary>
public sealed class HostileRecordingTests : IDisposable
{
    private const string Token = "ci-token-4f1d9a7c-should-never-leak";
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-hostile-rec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CopyRecording(Action<JsonObject> change)
    {
        var source = Path.Combine(AgentProcess.RepositoryRoot, "recordings", "book-flight");
        var target = Path.Combine(_dir, "rec");
        Directory.CreateDirectory(Path.Combine(target, "shots"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "shots"))) File.Copy(file, Path.Combine(target, "shots", Path.GetFileName(file)));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "recording.json")))!.AsObject();
        change(json);
        File.WriteAllText(Path.Combine(target, "recording.json"), json.ToJsonString());
        return target;
    }

    private static JsonObject FirstStep(JsonObject recording) => recording["steps"]![0]!.AsObject();

    private async Task<AgentResult> ReplayAsync(string recording, params string[] extra)
    {
        var result = await AgentProcess.RunAsync(["replay", recording, "--out", Path.Combine(_dir, "out"), .. extra],
            new Dictionary<string, string?> { ["CI_TOKEN"] = Token, ["SKYFARE_CARD"] = null, ["SKYFARE_CVC"] = null }, TimeSpan.FromMinutes(2));
        return result;
    }

    private void AssertNothingLeaked(AgentResult result)
    {
        Assert.DoesNotContain(Token, result.Output, StringComparison.Ordinal);
        var outFolder = Path.Combine(_dir, "out");
        if (!Directory.Exists(outFolder)) return;
        foreach (var file in Directory.EnumerateFiles(outFolder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("CI_TOKEN=" + Token)), text, StringComparison.Ordinal);
        }
    }

    private static void AssertBadInput(AgentResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_never_reads_the_environment_variable_a_recording_names_in_secretSources()
    {
        // The attack: the recording maps its secret to the CI token, so a replay in CI would type the token into a page.
        var recording = CopyRecording(r => r["header"]!["secretSources"] = new JsonObject { ["card_number"] = "CI_TOKEN", ["card_cvc"] = "CI_TOKEN" });
        var result = await ReplayAsync(recording);
        AssertBadInput(result, "the secret \"card_number\" has no value: declare where it comes from with --secret card_number=ENV_VAR or --scenario FILE");
        Assert.DoesNotContain("CI_TOKEN", result.Output, StringComparison.Ordinal);
        AssertNothingLeaked(result);
    }

    [Fact]
    public async Task Replay_reads_a_secret_only_from_the_variable_the_user_declares_and_names_it_when_unset()
    {
        var recording = CopyRecording(r => r["header"]!["secretSources"] = new JsonObject { ["card_number"] = "CI_TOKEN" });
        var result = await ReplayAsync(recording, "--secret", "card_number=MY_CARD", "--secret", "card_cvc=MY_CVC");
        AssertBadInput(result, "the environment variable MY_CARD (declared for it) is not set");
        AssertNothingLeaked(result);
    }

    [Fact]
    public async Task Replay_rejects_a_recording_whose_screenshot_is_proc_self_environ()
    {
        var recording = CopyRecording(r => FirstStep(r)["shotAfter"] = "/proc/self/environ");
        var result = await ReplayAsync(recording, "--scenario", "scenarios/book-flight.yaml");
        AssertBadInput(result, "steps[0].shotAfter: \"/proc/self/environ\" is an absolute path");
        Assert.False(File.Exists(Path.Combine(_dir, "out", "report.html")));
        AssertNothingLeaked(result);
    }

    [Fact]
    public async Task Replay_rejects_a_recording_whose_screenshot_climbs_out_with_dot_dot()
    {
        var recording = CopyRecording(r => FirstStep(r)["shotBefore"] = "../../../../../../../../etc/hostname");
        var result = await ReplayAsync(recording, "--scenario", "scenarios/book-flight.yaml");
        AssertBadInput(result, "steps[0].shotBefore: \"../../../../../../../../etc/hostname\" leads outside the recording folder");
    }

    [Fact]
    public async Task Replay_rejects_a_screenshot_that_is_a_symlink_out_of_the_recording_folder()
    {
        var recording = CopyRecording(r => FirstStep(r)["shotAfter"] = "shots/innocent.png");
        File.CreateSymbolicLink(Path.Combine(recording, "shots", "innocent.png"), "/proc/self/environ");
        var result = await ReplayAsync(recording, "--scenario", "scenarios/book-flight.yaml");
        AssertBadInput(result, "steps[0].shotAfter: \"shots/innocent.png\" is a symbolic link to a file outside the recording folder");
        AssertNothingLeaked(result);
    }

    [Theory]
    [InlineData("steps-null", "steps must be a list of steps, not null")]
    [InlineData("secretSources-null", "header.secretSources must be an object (or left out), not null")]
    [InlineData("duplicate-index", "steps[1].index: 1 is the index of an earlier step too")]
    [InlineData("summary-usage-null", "summary.usage must be an object (or left out), not null")]
    [InlineData("nested-40kb", "not a valid recording")]
    public async Task Replay_of_a_malformed_recording_is_bad_input_not_a_crash(string fault, string message)
    {
        var recording = CopyRecording(r =>
        {
            switch (fault)
            {
                case "steps-null": r["steps"] = null; break;
                case "secretSources-null": r["header"]!["secretSources"] = null; break;
                case "duplicate-index": r["steps"]![1]!["index"] = 1; break;
                case "summary-usage-null": r["summary"]!["usage"] = null; break; // found by the recording fuzz test (seed ecoIFgMkdA81)
            }
        });
        if (fault == "nested-40kb") File.WriteAllText(Path.Combine(recording, "recording.json"), new string('[', 20_000) + new string(']', 20_000));
        var result = await ReplayAsync(recording, "--scenario", "scenarios/book-flight.yaml");
        AssertBadInput(result, message);
    }
}
