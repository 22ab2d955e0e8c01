using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using ActionAgent.Planning.Tests.Goals;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// The planner tells the embedder what it is likely to rank soon (the skills' exemplars when it is made, the inputs' names
/// on its first call, each page's controls when it sees the page), so the embedder can embed them while the browser works.
/// </summary>
public sealed class EmbeddingHintTests
{
    private const string Page = """
        - heading "Newsletter" [level=1] [ref=e1]
        - paragraph [ref=e2]: Get our news every week.
        - textbox "Email address" [ref=e3]
        - button "Subscribe" [ref=e4]
        - link "Privacy policy" [ref=e5]
        """;

    [Fact]
    public async Task The_exemplars_are_hinted_when_the_planner_is_made_and_a_pages_controls_when_it_is_seen()
    {
        var embedder = new HintRecorder(MiniLmEmbedder.Shared);

        var planner = new OfflinePlanner(embedder);

        var exemplars = Assert.Single(embedder.Hints);
        Assert.Equal(SkillCatalog.BuiltIn.Skills.SelectMany(s => s.Exemplars), exemplars);

        var reading = await GoalReading.Interpreter.InterpretAsync("Subscribe with ada@example.com", CancellationToken.None);
        var screen = new UiObservation { Location = "https://news.example/", SnapshotText = Page, Nodes = AriaSnapshotParser.Parse(Page) };
        var inputs = new Dictionary<string, string> { ["reader.email"] = "ada@example.com" };
        await planner.NextAsync(new PlanningContext { Goal = "Subscribe with ada@example.com", Observation = screen, SubGoals = reading.SubGoals, Inputs = inputs }, CancellationToken.None);

        Assert.Equal(3, embedder.Hints.Count);
        Assert.Equal(FormInputMatcher.KeyTexts(inputs, []), embedder.Hints[1]);
        Assert.Equal("reader email", embedder.Hints[1][0]);
        Assert.Equal(["Email address", "Subscribe", "Privacy policy"], embedder.Hints[2]);
    }

    private sealed class HintRecorder(ITextEmbedder inner) : ITextEmbedder
    {
        public List<IReadOnlyList<string>> Hints { get; } = [];

        public string Name => inner.Name;

        public int Dimensions => inner.Dimensions;

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) => inner.EmbedAsync(texts, cancellationToken);

        public void Prefetch(IReadOnlyList<string> texts) => Hints.Add([.. texts]);
    }
}
