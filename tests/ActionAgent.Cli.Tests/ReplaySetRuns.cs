using System.Text.Json.Nodes;

namespace ActionAgent.Cli.Tests;

/// <summary>
/// The multi-recording replays the set tests look at, each run once: the committed recording with a copy of it named
/// on the command line, and a folder holding a copy and a broken copy (its cookie-banner click names a button that
/// does not exist, in every layer, so it fails at once).
/// </summary>
public sealed class ReplaySetRuns : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aa-replay-set-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary><c>agent replay recordings/book-flight COPY</c>.</summary>
    public AgentResult Two { get; private set; } = null!;

    /// <summary><c>agent replay FOLDER --junit ci/replays.xml</c>, the folder holding "passing" and "broken".</summary>
    public AgentResult FromFolder { get; private set; } = null!;

    public string Out(string name) => Path.Combine(Folder, name);

    /// <summary>The step of the broken copy that cannot be found.</summary>
    public static int BrokenStep => ReplayRuns.StepClicking("Accept all");

    public async Task InitializeAsync()
    {
        var committed = Path.Combine(AgentProcess.RepositoryRoot, ReplayRuns.Recording);
        Copy(committed, Out("copy"));
        Copy(committed, Path.Combine(Out("set"), "passing"));
        Copy(committed, Path.Combine(Out("set"), "broken"));
        Break(Path.Combine(Out("set"), "broken", "recording.json"), BrokenStep);

        var timeout = TimeSpan.FromMinutes(6);
        Two = await AgentProcess.RunAsync(["replay", .. ReplayRuns.Secrets, ReplayRuns.Recording, Out("copy"), "--out", Out("two")], timeout: timeout);
        FromFolder = await AgentProcess.RunAsync(["replay", .. ReplayRuns.Secrets, Out("set"), "--out", Out("folder"), "--junit", Path.Combine(Out("ci"), "replays.xml")],
            timeout: timeout);
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("KEEP_REPLAY_OUTPUT") is null) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // Every layer of the step's element names something the page does not have, and there is no box to fall back on.
    private static void Break(string recordingFile, int step)
    {
        var document = JsonNode.Parse(File.ReadAllText(recordingFile))!;
        var node = document["steps"]!.AsArray().Single(s => (int)s!["index"]! == step)!;
        foreach (var key in new[] { "requestedTarget", "target" })
        {
            var target = new JsonObject { ["role"] = "button", ["name"] = "No such button", ["exact"] = true };
            if (key == "target")
            {
                target["text"] = "No such button";
                target["css"] = "#no-such-button";
                target["xPath"] = "/html/body/no-such-element";
            }
            node[key] = target;
        }
        File.WriteAllText(recordingFile, document.ToJsonString());
    }
}
