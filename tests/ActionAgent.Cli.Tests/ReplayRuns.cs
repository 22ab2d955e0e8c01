namespace ActionAgent.Cli.Tests;

/// <summary>
/// The replays the CLI tests look at, each run once (sequentially, they share two CPU cores with other work) and
/// kept in a temporary folder: the committed recording as is, on the drifted site, its heal-out, --no-heal, and the
/// site whose final button changed meaning.
/// </summary>
public sealed class ReplayRuns : IAsyncLifetime
{
    public static string Recording => Path.Combine("recordings", "book-flight");

    /// <summary>Replay reads secrets only from what the user declares: here, the scenario the recording was made from.</summary>
    internal static readonly string[] Secrets = ["--scenario", Path.Combine("scenarios", "book-flight.yaml")];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aa-replay-" + Guid.NewGuid().ToString("N")[..8]);

    public AgentResult Standard { get; private set; } = null!;
    public AgentResult Drift { get; private set; } = null!;
    public AgentResult Healed { get; private set; } = null!;
    public AgentResult NoHeal { get; private set; } = null!;
    public AgentResult Meaning { get; private set; } = null!;

    public string Out(string name) => Path.Combine(Folder, name);

    /// <summary>The committed recording's steps (the tests find the steps they talk about by what they do).</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> RecordedSteps { get; } = ReadSteps();

    /// <summary>The number of the first recorded click on the button whose name starts with <paramref name="name"/>.</summary>
    public static int StepClicking(string name) => RecordedSteps
        .First(s => s.GetProperty("action").GetString() == "click" &&
                    s.GetProperty("requestedTarget").TryGetProperty("name", out var n) && n.GetString()!.StartsWith(name, StringComparison.Ordinal))
        .GetProperty("index").GetInt32();

    private static List<System.Text.Json.JsonElement> ReadSteps()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AgentProcess.RepositoryRoot, Recording, "recording.json")));
        return [.. doc.RootElement.GetProperty("steps").EnumerateArray().Select(e => e.Clone())];
    }

    public async Task InitializeAsync()
    {
        Standard = await AgentProcess.RunAsync(["replay", .. Secrets, Recording, "--out", Out("standard")]);
        Drift = await AgentProcess.RunAsync(["replay", .. Secrets, Recording, "--query", "variant=drift", "--out", Out("drift"), "--heal-out", Out("healed-recording")]);
        Healed = await AgentProcess.RunAsync(["replay", .. Secrets, Out("healed-recording"), "--query", "variant=drift", "--out", Out("healed")]);
        NoHeal = await AgentProcess.RunAsync(["replay", .. Secrets, Recording, "--query", "variant=drift", "--no-heal", "--out", Out("no-heal")]);
        Meaning = await AgentProcess.RunAsync(["replay", .. Secrets, Recording, "--query", "variant=meaning", "--step-timeout", "8s", "--out", Out("meaning")]);
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("KEEP_REPLAY_OUTPUT") is null) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition("replays")]
public sealed class ReplayCollection : ICollectionFixture<ReplayRuns>;
