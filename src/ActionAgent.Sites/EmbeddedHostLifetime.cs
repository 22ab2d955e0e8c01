using Microsoft.Extensions.Hosting;

namespace ActionAgent.Sites;

/// <summary>
/// A host lifetime that does nothing. The default ConsoleLifetime would take over Ctrl+C and SIGTERM for the whole
/// process (seen: SIGTERM stopped the site but left the process running); a site is embedded in the agent, and the
/// agent owns the process's signals.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
