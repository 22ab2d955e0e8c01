namespace ActionAgent.Cli.Tests;

public sealed class GraphCommandTests
{
    [Fact]
    public async Task Graph_prints_the_state_machine_as_mermaid_by_default()
    {
        var result = await AgentProcess.RunAsync(["graph"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("stateDiagram", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("AwaitingApproval", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_prints_dot_on_request()
    {
        var result = await AgentProcess.RunAsync(["graph", "--format", "dot"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("digraph", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_bad_input()
    {
        var result = await AgentProcess.RunAsync(["graph", "--colour"]);
        Assert.Equal(2, result.ExitCode);
    }
}
