using System.CommandLine;
using ActionAgent.Sites;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent sites</c>: lists and serves the demo sites under scenarios/sites.</summary>
internal static class SitesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var list = new Command("list", "List the demo sites (folders under scenarios/sites).");
        list.SetAction(_ =>
        {
            var root = SiteCatalog.FindSitesRoot();
            if (root is null)
            {
                CliErrors.Error("no scenarios/sites folder here or above.");
                return ExitCodes.BadInput;
            }
            foreach (var site in SiteCatalog.List(root)) console.WriteLine(site);
            return ExitCodes.Success;
        });

        var name = new Argument<string>("site") { Description = "The site's folder name (skyfare...)." };
        var port = new Option<int>("--port", "-p") { Description = "The loopback port (0: any free port).", DefaultValueFactory = _ => 0 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError($"--port {result.GetValueOrDefault<int>()}: a port is a number from 0 (any free port) to 65535.");
        });
        var serve = new Command("serve", """
            Serve a demo site on 127.0.0.1 until Ctrl+C, with its JSON store API (/api/COLLECTION).

            Example:
              agent sites serve skyfare --port 8080
            """)
        {
            name, port,
        };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            var root = SiteCatalog.FindSitesRoot();
            if (root is null)
            {
                CliErrors.Error("no scenarios/sites folder here or above.");
                return ExitCodes.BadInput;
            }
            string directory;
            try
            {
                directory = SiteCatalog.Resolve(root, parse.GetValue(name)!);
            }
            catch (SiteNotFoundException e)
            {
                CliErrors.Error(e.Message);
                return ExitCodes.BadInput;
            }
            SiteHost host;
            try
            {
                host = await SiteHost.StartAsync(directory, parse.GetValue(port), cancellationToken);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                CliErrors.Error($"--port {parse.GetValue(port)}: cannot serve on it: {e.Message}");
                return ExitCodes.BadInput;
            }
            await using var _ = host;
            console.MarkupLine($"Serving [bold]{Markup.Escape(parse.GetValue(name)!)}[/] at {host.BaseAddress} (Ctrl+C to stop)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }
            return ExitCodes.Success;
        });

        return new Command("sites", "The demo sites scenarios run against (site:NAME in a scenario).") { list, serve };
    }
}
