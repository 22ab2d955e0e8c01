using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;
using Microsoft.Extensions.Time.Testing;

namespace ActionAgent.Planning.Tests.Offline;

public sealed class IntentTests
{
    private static readonly EmbeddingIntentClassifier Classifier =
        new(SkillCatalog.BuiltIn, MiniLmEmbedder.Shared, new SlotExtractor(new FakeTimeProvider(OfflineRun.Today)));

    [Theory]
    [InlineData("Book the cheapest one-way flight from London to Paris on 24 December", "book-flight")]
    [InlineData("I want to fly to Rome from Berlin next Friday", "book-flight")]
    [InlineData("log in as alice", "log-in")]
    [InlineData("search for \"wireless headphones\"", "search")]
    [InlineData("fill out the registration form", "fill-form")]
    [InlineData("click Sign in and type ada@example.com into Email", EmbeddingIntentClassifier.Commands)]
    public async Task Goals_are_classified_by_meaning(string goal, string intent) =>
        Assert.Equal(intent, (await Classifier.ClassifyAsync(goal, CancellationToken.None)).Intent);

    [Fact]
    public async Task The_intent_carries_the_slots()
    {
        var result = await Classifier.ClassifyAsync("Book the cheapest flight from London to Paris on 24 December for 2 adults", CancellationToken.None);

        Assert.Equal(
            new Dictionary<string, string> { ["origin"] = "London", ["destination"] = "Paris", ["date"] = "2026-12-24", ["adults"] = "2", ["preference"] = "cheapest" },
            result.Slots);
    }

    [Fact]
    public void User_skills_from_a_folder_replace_built_in_ones_by_name()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "log-in.yaml"), """
            name: log-in
            exemplars: [sign me in]
            steps:
              - do: click
                target: the sign in button
            """);

        var catalog = SkillCatalog.WithFolder(folder);

        Assert.Equal("the sign in button", catalog.Skills.Single(s => s.Name == "log-in").Steps[0].Target);
        Assert.Contains(catalog.Skills, s => s.Name == "book-flight");
    }
}
