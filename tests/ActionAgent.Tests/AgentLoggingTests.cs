namespace ActionAgent.Tests;

/// <summary>
/// The library logs through <c>Microsoft.Extensions.Logging</c> only: the agent's own events and its engines' go to
/// the <see cref="AgentOptions.LoggerFactory"/> the user gives (<see cref="AgentOptions.UseLogging"/>), each under the
/// class that logged; no Serilog and no static logger.
/// </summary>
public sealed class AgentLoggingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agent-log-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_library_does_not_reference_Serilog()
    {
        var references = typeof(Agent).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(references, name => name!.StartsWith("Serilog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_logs_the_agents_and_its_engines_events_through_the_users_logger_factory_with_their_properties()
    {
        var logs = new CapturingLoggerFactory();
        await using var agent = await Agent.CreateAsync(o =>
        {
            o.UseChromium().UseOfflinePlanner().RecordTo(Path.Combine(_folder, "runs")).UseLogging(logs);
            o.SitesFolder = Repository.File("scenarios", "sites");
        });

        var run = await agent.RunAsync("type London into the From field", "site:skyfare/?today=2026-11-28");

        Assert.True(run.Succeeded, run.Reason);
        Assert.Contains(logs.Events, e => e.Category == "ActionAgent.Agent" && e.Template == "Run {Goal} with {Planner}, recording to {Folder}");
        var step = logs.Events.First(e => e.Template == "Step {Index} {Action} on {Target}");
        Assert.Equal("ActionAgent.Core.Engine.RunEngine", step.Category);
        Assert.Equal(1, step.Properties["Index"]);
    }
}
