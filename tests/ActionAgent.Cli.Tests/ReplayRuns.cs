namespace ActionAgent.Cli.Tests;

/// <summary>
/// The replays the CLI tests look at, each run once (sequentially, they share two CPU cores with other work) and
/// kept in a temporary folder: the committed recording as is, on the drifted site, its heal-out, --no-heal, and the
/// site whose final button changed meaning.
/// </summary>
public sealed class ReplayRuns : IAsyncLifetime
{
    public static string Recording => Path.Combine("recordings", "book-flight");

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aa-replay-" + Guid.NewGuid().ToString("N")[..8]);

    public AgentRun Standard { get; private set; } = null!;
    public AgentRun Drift { get; private set; } = null!;
    public AgentRun Healed { get; private set; } = null!;
    public AgentRun NoHeal { get; private set; } = null!;
    public AgentRun Meaning { get; private set; } = null!;

    public string Out(string name) => Path.Combine(Folder, name);

    public async Task InitializeAsync()
    {
        Standard = await AgentCommand.RunAsync(["replay", Recording, "--out", Out("standard")]);
        Drift = await AgentCommand.RunAsync(["replay", Recording, "--query", "variant=drift", "--out", Out("drift"), "--heal-out", Out("healed-recording")]);
        Healed = await AgentCommand.RunAsync(["replay", Out("healed-recording"), "--query", "variant=drift", "--out", Out("healed")]);
        NoHeal = await AgentCommand.RunAsync(["replay", Recording, "--query", "variant=drift", "--no-heal", "--out", Out("no-heal")]);
        Meaning = await AgentCommand.RunAsync(["replay", Recording, "--query", "variant=meaning", "--step-timeout", "4s", "--out", Out("meaning")]);
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("KEEP_REPLAY_OUTPUT") is null) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition("replays")]
public sealed class ReplayCollection : ICollectionFixture<ReplayRuns>;
