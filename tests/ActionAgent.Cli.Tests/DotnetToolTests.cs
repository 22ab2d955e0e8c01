namespace ActionAgent.Cli.Tests;

/// <summary>
/// The `agent` dotnet tool as a user without a clone gets it: packed to a local feed, installed into a tool path, and
/// run from an empty folder holding only a copy of the quick-start scenario (its site:skyfare is served from the
/// demo sites the package carries).
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_packed_tool_installs_from_a_local_feed_and_books_a_flight_outside_a_clone()
    {
        var feed = Path.Combine(_dir, "feed");
        var tools = Path.Combine(_dir, "tools");
        var work = Path.Combine(_dir, "work");
        Directory.CreateDirectory(work);
        var project = Path.Combine(AgentProcess.RepositoryRoot, "src", "ActionAgent.Cli", "ActionAgent.Cli.csproj");
        // The suite runs on the Debug build; packing reuses it (./test builds once).
        var pack = await RunAsync("dotnet", ["pack", project, "--no-build", "-c", "Debug", "-o", feed, "--nologo", "-v:quiet"], AgentProcess.RepositoryRoot);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Single(Directory.GetFiles(feed, "ActionAgent.Cli.*.nupkg"));

        // Only the local feed: the install must not need the network.
        var config = Path.Combine(_dir, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        var install = await RunAsync("dotnet", ["tool", "install", "ActionAgent.Cli", "--tool-path", tools, "--configfile", config, "--prerelease"], _dir);
        Assert.True(install.ExitCode == 0, install.ToString());
        var agent = Path.Combine(tools, "agent");

        var version = await RunAsync(agent, ["--version"], work);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());

        // The scenario and the .env beside it (the demo site's test card), as a user would keep them.
        File.Copy(Path.Combine(AgentProcess.RepositoryRoot, "scenarios", "book-flight.yaml"), Path.Combine(work, "book-flight.yaml"));
        File.Copy(Path.Combine(AgentProcess.RepositoryRoot, "scenarios", ".env"), Path.Combine(work, ".env"));
        var run = await RunAsync(agent, ["run", "book-flight.yaml", "--record-to", Path.Combine(work, "run")], work);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCEEDED", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "run", "recording.json")));
    }

    private static Task<AgentResult> RunAsync(string file, IReadOnlyList<string> args, string workingDirectory) =>
        AgentProcess.RunAsync(AgentProcess.Info(file, args, workingDirectory, new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }),
            TimeSpan.FromMinutes(12));
}
