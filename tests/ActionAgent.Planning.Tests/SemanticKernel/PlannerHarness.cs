using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Planning.SemanticKernel;

namespace ActionAgent.Planning.Tests.SemanticKernel;

/// <summary>A scripted server and a planner pointed at it, through Semantic Kernel's real OpenAI connector.</summary>
public sealed class PlannerHarness : IAsyncDisposable
{
    public const string Snapshot = """
        - generic [ref=e1]:
          - heading "Find flights" [level=1] [ref=e2]
          - combobox "From" [ref=e3] [box=10,10,200,24]
          - combobox "To" [ref=e4] [box=10,40,200,24]
          - textbox "Card number" [ref=e6] [box=10,70,200,24]
          - button "Search flights" [ref=e5] [box=10,100,120,30]
        """;

    private PlannerHarness(ScriptedChatServer server) => Server = server;

    public ScriptedChatServer Server { get; }

    public static async Task<PlannerHarness> StartAsync() => new(await ScriptedChatServer.StartAsync());

    public LlmPlannerOptions Options => new()
    {
        Backend = LlmBackend.Compatible,
        Model = "scripted-model",
        ApiKey = "test-key",
        Endpoint = Server.BaseUrl,
        Retry = new HttpRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false, MaxDelay = TimeSpan.FromSeconds(2) },
        Prices = new Dictionary<string, ModelPrice> { ["scripted-model"] = new(2m, 10m) },
    };

    public SemanticKernelPlanner Planner(PlannerPerception? perception = null, LlmPlannerOptions? options = null) =>
        SemanticKernelPlanner.Create(options ?? Options, perception);

    public static PlanningContext Context(string snapshot = Snapshot, byte[]? screenshot = null) => new()
    {
        Goal = "Search flights from London to Paris",
        Inputs = new Dictionary<string, string> { ["origin"] = "London" },
        SecretNames = ["card_number"],
        Observation = new UiObservation
        {
            Location = "http://127.0.0.1:5000/",
            Title = "SkyFare",
            SnapshotText = snapshot,
            Nodes = AriaSnapshotParser.Parse(snapshot),
            Screenshot = screenshot,
        },
    };

    public IReadOnlyList<ChatRequest> Requests => [.. Server.Requests];

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
