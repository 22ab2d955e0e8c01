using System.Text.Json;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary><c>goto: /path</c> is a path on the app's origin; on Unix .NET reads "/path" as file:///path, which opened local files.</summary>
[Collection("safety-browser")]
public sealed class GotoPathTests
{
    [Fact]
    public async Task Goto_a_bare_path_opens_it_on_the_apps_origin_never_a_local_file()
    {
        await using var site = await LoopbackSite.StartAsync(new Dictionary<string, string>
        {
            ["index.html"] = "<!doctype html><title>Home</title><p>home</p>",
        });
        // The same absolute path exists twice: on the local disk, and on the app (under its folder, as a URL path).
        var localPath = Path.Combine(site.Folder, "page.html");
        await File.WriteAllTextAsync(localPath, "<!doctype html><p>read from the local disk</p>");
        var served = Path.Combine(site.Folder, localPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(served)!);
        await File.WriteAllTextAsync(served, "<!doctype html><p>served by the app</p>");
        var dir = Directory.CreateTempSubdirectory("aa-goto-path-").FullName;
        try
        {
            var scenario = Path.Combine(dir, "goto.yaml");
            await File.WriteAllTextAsync(scenario, $$"""
                name: goto-path
                app: { browser: { start: "{{site.Url()}}" } }
                policy: { timeout: 60s }
                steps:
                  - goto: {{localPath}}
                expect:
                  - text: served by the app
                """);
            var folder = Path.Combine(dir, "rec");
            var result = await AgentProcess.RunAsync(["run", scenario, "--record-to", folder, "--no-vision"]);

            Assert.True(result.ExitCode == 0, result.ToString());
            using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recording.json")));
            var last = recording.RootElement.GetProperty("steps").EnumerateArray().Last();
            Assert.Equal(site.Url(localPath.TrimStart('/')), last.GetProperty("locationAfter").GetString());
            Assert.DoesNotContain("file:", File.ReadAllText(Path.Combine(folder, "recording.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
