using System.CommandLine;
using ActionAgent.Planning.Routing;
using ActionAgent.Planning.SemanticKernel;
using Spectre.Console;

namespace ActionAgent.Cli.Commands;

/// <summary><c>agent models</c>: each model role, the backend serving it, and why.</summary>
internal static class ModelsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var onDevice = new Option<bool>("--on-device") { Description = "Allow only backends on this machine (embedded, or a server on loopback)." };
        var prefer = new Option<string>("--prefer") { Description = "What to favour: latency (embedded first, the default) or quality (the configured model).", DefaultValueFactory = _ => "latency" };
        prefer.AcceptOnlyFromAmong("latency", "quality");
        var planner = new Option<string?>("--planner") { Description = "The planner backend to ask for: offline, openai, azure or compatible." };
        var command = new Command("models", """
            Show each model role, the backend serving it, and why.

            Backends come from the environment: OPENAI_API_KEY/OPENAI_MODEL, AZURE_OPENAI_ENDPOINT/AZURE_OPENAI_API_KEY/
            AZURE_OPENAI_DEPLOYMENT, ACTIONAGENT_LLM_BASE_URL/ACTIONAGENT_LLM_MODEL/ACTIONAGENT_LLM_API_KEY (Ollama, vLLM,
            llama.cpp), ACTIONAGENT_SAM_MODEL. Without any, every role runs embedded.

            Examples:
              agent models
              agent models --on-device
              agent models --prefer quality
            """)
        {
            onDevice, prefer, planner,
        };
        command.SetAction(parse =>
        {
            var models = AgentConfiguration.FromEnvironment().Models;
            var backend = LlmPlannerOptions.RequestedBackend(parse.GetValue(planner), _ => null, out var error);
            if (backend is null)
            {
                CliErrors.Error(error!);
                return ExitCodes.BadInput;
            }
            var constraints = new RoutingConstraints
            {
                OnDevice = parse.GetValue(onDevice),
                Prefer = parse.GetValue(prefer) == "quality" ? RoutingPreference.Quality : RoutingPreference.Latency,
                Planner = parse.GetValue(planner) is null ? RequestedFromEnvironment(models) : backend,
            };
            Print(console, new ModelRouter(models.Get).Route(constraints));
            return ExitCodes.Success;
        });
        return command;
    }

    private static LlmBackend? RequestedFromEnvironment(ModelSettings models) =>
        models.Get("ACTIONAGENT_PLANNER") is { } name && LlmPlannerOptions.TryParseBackend(name, out var backend) ? backend : null;

    internal static void Print(IAnsiConsole console, IReadOnlyList<RouteDecision> routes)
    {
        var table = new Table().AddColumns("role", "family", "backend", "where", "why", "escalates to");
        foreach (var route in routes)
        {
            table.AddRow(Markup.Escape(route.Role.ToString()), Markup.Escape(route.Family), Markup.Escape(route.Backend),
                route.Local ? "local" : "[yellow]remote[/]", Markup.Escape(route.Why), Markup.Escape(route.EscalatesTo ?? "—"));
        }
        console.Write(table);
    }
}
