using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Ports;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>
/// <see cref="ElementScorer.BestAsync"/> finds the first of <see cref="ElementScorer.RankAsync(string, ActionKind, Func{PageNode, double}, IEnumerable{PageNode}, CancellationToken, Func{PageNode, bool}?)"/>'s
/// ranking, with the same score, without embedding the labels whose words, role and place cannot reach it.
/// </summary>
public sealed class BestCandidateTests
{
    public static TheoryData<string, ActionKind, string> Cases => new()
    {
        { "skyfare-02-search.txt", ActionKind.Click, "the button that searches for flights: search, find flights" },
        { "skyfare-02-search.txt", ActionKind.Type, "from: the origin, where the flight departs from, the departure airport" },
        { "skyfare-01-home.txt", ActionKind.Click, "accept or allow all cookies: accept, allow, agree, OK, got it" },
        { "skyfare-01-home.txt", ActionKind.Click, "the help centre" },
        { "skyfare-09-results.txt", ActionKind.Click, "the cheapest flight" },
        { "skyfare-09-results.txt", ActionKind.Click, "sort by price" },
        { "skyfare-11-passengers.txt", ActionKind.Fill, "the passenger's family name" },
        { "skyfare-12-payment.txt", ActionKind.Click, "the button that pays for the booking: pay, confirm and pay, book now, purchase" },
        { "skyfare-12-payment.txt", ActionKind.WaitFor, "a message saying the payment went through" },
        { "skyfare-10-fare.txt", ActionKind.Click, "something nothing on the page is about: a purple giraffe" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_best_is_the_rankings_first_with_the_same_score(string fixture, ActionKind action, string description)
    {
        var scorer = new ElementScorer(MiniLmEmbedder.Shared);
        var nodes = PageModel.From(Observe(Fixtures.Read(fixture))).All;

        var ranked = await scorer.RankAsync(description, action, nodes, CancellationToken.None);
        var best = await scorer.BestAsync(description, action, n => ElementScorer.RoleFit(action, n), nodes, CancellationToken.None);

        Assert.NotNull(best);
        Assert.Same(ranked[0].Node, best.Node);
        Assert.Equal(ranked[0].Score, best.Score);
        Assert.Equal(ranked[0].Similarity, best.Similarity);
    }

    [Fact]
    public async Task Labels_that_cannot_beat_the_best_are_not_embedded()
    {
        var embedder = new EmbeddedTexts(MiniLmEmbedder.Shared);
        var scorer = new ElementScorer(embedder);
        var nodes = PageModel.From(Observe(Fixtures.Read("skyfare-02-search.txt"))).All;
        const string description = "the button that searches for flights: search, find flights";
        var pool = nodes.Where(n => ElementScorer.RoleFit(ActionKind.Click, n) > 0 && n.Label().Length > 0).ToList();

        var best = await scorer.BestAsync(description, ActionKind.Click, n => ElementScorer.RoleFit(ActionKind.Click, n), nodes, CancellationToken.None);

        Assert.Equal(("button", "Search flights"), (best?.Node.Role, best?.Node.Name));
        // The search page's long, poorly fitting labels (its sections' whole text) were never embedded.
        Assert.True(embedder.Texts.Count < pool.Count / 2, $"{embedder.Texts.Count} of {pool.Count} labels embedded");
        Assert.DoesNotContain(pool.Where(n => n.Role is "generic" or "paragraph" && n.Label().Length > 80).Select(n => n.Label()), embedder.Texts.Contains);
    }

    [Fact]
    public async Task A_label_that_wins_by_meaning_alone_is_found_behind_many_that_share_words()
    {
        // Ten links share a word with the description and mean something else; the button shares none and means it.
        const string page = """
            - link "Log cabin holidays in the mountains" [ref=e1]
            - link "Ship log from the voyage of 1850" [ref=e2]
            - link "Firewood log delivery prices" [ref=e3]
            - link "Log cabins for rent by the lake" [ref=e4]
            - link "Account of the town history since 1850" [ref=e5]
            - link "Captain log of the northern expedition" [ref=e6]
            - link "Log splitting tools for the garden" [ref=e7]
            - link "Account of the great flood of 1901" [ref=e8]
            - link "Log fire restaurants in the old town" [ref=e9]
            - link "Oak log furniture workshop" [ref=e10]
            - button "Sign in" [ref=e11]
            """;
        var scorer = new ElementScorer(MiniLmEmbedder.Shared);
        var nodes = PageModel.From(Observe(page)).All;
        const string description = "log in to my account";

        var ranked = await scorer.RankAsync(description, ActionKind.Click, nodes, CancellationToken.None);
        var best = await scorer.BestAsync(description, ActionKind.Click, n => ElementScorer.RoleFit(ActionKind.Click, n), nodes, CancellationToken.None);

        Assert.Equal(("Sign in", 0.0), (ranked[0].Node.Name, ranked[0].TokenOverlap));
        Assert.Same(ranked[0].Node, best?.Node);
        Assert.Equal(ranked[0].Score, best?.Score);
    }

    [Fact]
    public async Task Nothing_that_fits_the_action_is_no_best()
    {
        var scorer = new ElementScorer(MiniLmEmbedder.Shared);
        var nodes = PageModel.From(Observe("- heading \"Welcome\" [level=1] [ref=e1]\n- button \"Go\" [ref=e2]\n")).All;

        Assert.Null(await scorer.BestAsync("the email field", ActionKind.Fill, n => ElementScorer.RoleFit(ActionKind.Fill, n), nodes, CancellationToken.None));
    }

    private static UiObservation Observe(string snapshot) =>
        new() { Location = "http://127.0.0.1/", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };

    private sealed class EmbeddedTexts(ITextEmbedder inner) : ITextEmbedder
    {
        public HashSet<string> Texts { get; } = new(StringComparer.Ordinal);

        public string Name => inner.Name;

        public int Dimensions => inner.Dimensions;

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Texts.UnionWith(texts);
            return inner.EmbedAsync(texts, cancellationToken);
        }
    }
}
