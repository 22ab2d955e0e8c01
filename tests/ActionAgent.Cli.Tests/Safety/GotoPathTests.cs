using System.Text.Json;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary><c>goto: /path</c> is a path on the app's origin; on Unix .NET reads "/path" as file:///path, which opened local files.</summary>
public sealed class GotoPathTests
{
    [Fact]
    public async Task Goto_a_bare_path_opens_it_on_the_apps_origin_never_a_local_file()
    {
        await using var site = await LoopbackSite.StartAsync(new Dictionary<string, string>
        {
            ["index.html"] = "<!doctype html><title>Home</title><p>home</p>",
            ["etc/hostname"] = "served by the app, not read from the disk",
        });
        var dir = Directory.CreateTempSubdirectory("aa-goto-path-").FullName;
        try
        {
            var scenario = Path.Combine(dir, "goto.yaml");
            await File.WriteAllTextAsync(scenario, $$"""
                name: goto-path
                app: { browser: { start: "{{site.Url()}}" } }
                policy: { timeout: 60s }
                steps:
                  - goto: /etc/hostname
                expect:
                  - text: served by the app
                """);
            var folder = Path.Combine(dir, "rec");
            var result = await AgentProcess.RunAsync(["run", scenario, "--record-to", folder, "--no-vision"]);

            Assert.True(result.ExitCode == 0, result.ToString());
            using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recording.json")));
            var last = recording.RootElement.GetProperty("steps").EnumerateArray().Last();
            Assert.Equal(site.Url("etc/hostname"), last.GetProperty("locationAfter").GetString());
            Assert.DoesNotContain("file:", File.ReadAllText(Path.Combine(folder, "recording.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
