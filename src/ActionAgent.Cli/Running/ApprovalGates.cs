using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using Spectre.Console;

namespace ActionAgent.Cli.Running;

/// <summary>Approves every sensitive step (<c>--approve</c>), saying so in the log.</summary>
internal sealed class AutoApprovalGate : IApprovalGate
{
    public string Name => "--approve";

    public Task<bool> ApproveAsync(PlanStep step, string reason, CancellationToken cancellationToken)
    {
        Serilog.Log.Information("Approved by --approve: {Step} ({Reason})", step.ToString(), reason);
        return Task.FromResult(true);
    }
}

/// <summary>Asks the person at the terminal.</summary>
internal sealed class ConsoleApprovalGate(IAnsiConsole console) : IApprovalGate
{
    public string Name => "console";

    public async Task<bool> ApproveAsync(PlanStep step, string reason, CancellationToken cancellationToken)
    {
        var prompt = new ConfirmationPrompt($"[yellow]Approve[/] {Markup.Escape(step.ToString())}? ({Markup.Escape(reason)})") { DefaultValue = false };
        return await prompt.ShowAsync(console, cancellationToken);
    }
}
