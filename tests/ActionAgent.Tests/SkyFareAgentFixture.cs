namespace ActionAgent.Tests;

/// <summary>One agent (one Chromium) for a test class, recording into a temporary folder.</summary>
public sealed class SkyFareAgentFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("agent-api-").FullName;

    public Agent Agent { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Agent = await Agent.CreateAsync(o =>
        {
            o.UseChromium().UseOfflinePlanner().RecordTo(Path.Combine(Folder, "runs"));
            o.Recording.ReplayFolder = Path.Combine(Folder, "replays");
            o.SitesFolder = Repository.File("scenarios", "sites");
        });
    }

    public async Task DisposeAsync()
    {
        await Agent.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
