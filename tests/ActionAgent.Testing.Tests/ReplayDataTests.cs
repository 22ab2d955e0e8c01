using System.Reflection;
using ActionAgent.Testing;

namespace ActionAgent.Testing.Tests;

/// <summary>[ReplayData] finds recordings without a browser.</summary>
public sealed class ReplayDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aa-replaydata-").FullName;
    private static readonly MethodInfo Method = typeof(ReplayDataTests).GetMethod(nameof(Dispose))!;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_folder_of_recordings_gives_one_case_per_recording_by_name()
    {
        foreach (var name in new[] { "search", "book" })
        {
            Directory.CreateDirectory(Path.Combine(_dir, name));
            File.WriteAllText(Path.Combine(_dir, name, "recording.json"), "{}");
        }
        Directory.CreateDirectory(Path.Combine(_dir, "not-a-recording"));

        var cases = new ReplayDataAttribute(_dir).GetData(Method).Select(row => Assert.IsType<ReplayCase>(Assert.Single(row))).ToList();

        Assert.Equal(new[] { "book", "search" }, cases.Select(c => c.Name));
        Assert.All(cases, c => Assert.Null(c.ScenarioPath));
    }

    [Fact]
    public void A_relative_path_is_found_above_the_test_assembly_with_its_scenario()
    {
        var data = new ReplayDataAttribute("recordings/book-flight") { Scenario = "scenarios/book-flight.yaml" }.GetData(Method);

        var replay = Assert.IsType<ReplayCase>(Assert.Single(Assert.Single(data)));
        Assert.Equal(Path.Combine(Repository.Root, "recordings", "book-flight"), replay.RecordingPath);
        Assert.Equal(Path.Combine(Repository.Root, "scenarios", "book-flight.yaml"), replay.ScenarioPath);
    }

    [Fact]
    public void A_folder_without_recordings_is_an_error_that_names_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReplayDataAttribute(_dir).GetData(Method).ToList());

        Assert.Contains(_dir, error.Message, StringComparison.Ordinal);
    }
}
