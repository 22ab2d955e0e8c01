using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Tests.Engine;

/// <summary>The evidence rule for a drag: the item must show inside (or first/last in) the place it was dragged to.</summary>
public sealed class DragEffectTests
{
    private const string Board = """
        - list "To do" [ref=e5]:
          - strong [ref=e6]: To do
          - listitem [ref=e7]: Fix login bug
        - list "Doing" [ref=e9]:
          - strong [ref=e10]: Doing
          - listitem [ref=e12]: Write release notes
        - list "Done" [ref=e13]:
          - strong [ref=e14]: Done
        """;

    private const string BoardAfter = """
        - list "To do" [ref=e5]:
          - strong [ref=e6]: To do
          - listitem [ref=e7]: Fix login bug
          - listitem [ref=e12]: Write release notes
        - list "Doing" [ref=e9]:
          - strong [ref=e10]: Doing
        - list "Done" [ref=e13]:
          - strong [ref=e14]: Done
        """;

    private const string Captioned = """
        - generic [ref=e1]:
          - heading "Backlog" [level=2] [ref=e2]
          - generic [ref=e3]: Alpha
        - generic [ref=e4]:
          - heading "Shipped" [level=2] [ref=e5]
        """;

    private const string CaptionedAfter = """
        - generic [ref=e1]:
          - heading "Backlog" [level=2] [ref=e2]
        - generic [ref=e4]:
          - heading "Shipped" [level=2] [ref=e5]
          - generic [ref=e3]: Alpha
        """;

    private const string Shopping = """
        - list "Shopping list" [ref=e5]:
          - listitem [ref=e6]: ☰ Apples
          - listitem [ref=e7]: ☰ Milk
          - listitem [ref=e10]: ☰ Bread
        """;

    private static UiObservation Screen(string snapshot) =>
        new() { Location = "http://app.test/", Title = "App", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };

    private static EffectEvidence Moved(string before, string after, string place, string item) =>
        EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.Moved, place, item), Screen(before), Screen(after));

    [Fact]
    public void An_item_now_inside_the_named_column_and_not_before_is_moved()
    {
        var evidence = Moved(Board, BoardAfter, "To do", "Write release notes");

        Assert.True(evidence.Observed, evidence.Detail);
        Assert.Contains("To do", evidence.Detail);
    }

    [Fact]
    public void A_column_named_by_a_word_of_another_is_not_the_place()
    {
        // "Done" contains the letters of "do"; "To do" is another column.
        var evidence = Moved(Board, BoardAfter, "Done", "Write release notes");

        Assert.False(evidence.Observed);
    }

    [Fact]
    public void An_item_that_stayed_where_it_was_is_not_moved()
    {
        var evidence = Moved(Board, Board, "To do", "Write release notes");

        Assert.False(evidence.Observed);
        Assert.Contains("not inside", evidence.Detail);
    }

    [Fact]
    public void An_item_already_in_the_place_before_the_drag_proves_nothing()
    {
        var evidence = Moved(BoardAfter, BoardAfter, "To do", "Write release notes");

        Assert.False(evidence.Observed);
        Assert.Contains("before", evidence.Detail);
    }

    [Fact]
    public void A_place_without_a_name_is_found_by_the_heading_it_starts_with()
    {
        var evidence = Moved(Captioned, CaptionedAfter, "the Shipped column", "Alpha");

        Assert.True(evidence.Observed, evidence.Detail);
    }

    [Fact]
    public void A_place_the_page_does_not_have_is_said_so()
    {
        var evidence = Moved(Board, BoardAfter, "Archive", "Write release notes");

        Assert.False(evidence.Observed);
        Assert.Contains("Archive", evidence.Detail);
    }

    [Fact]
    public void The_top_of_the_list_is_proven_only_when_the_item_is_first()
    {
        var top = Shopping.Replace("  - listitem [ref=e10]: ☰ Bread\n", "", StringComparison.Ordinal).Replace("- list \"Shopping list\" [ref=e5]:\n", "- list \"Shopping list\" [ref=e5]:\n  - listitem [ref=e10]: ☰ Bread\n", StringComparison.Ordinal);

        var moved = Moved(Shopping, top, "the top of the list", "Bread");
        var stayed = Moved(Shopping, Shopping, "the top of the list", "Bread");

        Assert.True(moved.Observed, moved.Detail);
        Assert.False(stayed.Observed);
        Assert.Contains("Apples", stayed.Detail);
    }

    [Theory]
    [InlineData("the top of the list", "list", DropPosition.First)]
    [InlineData("the very bottom of To do", "to do", DropPosition.Last)]
    [InlineData("To do", "to do", DropPosition.Inside)]
    [InlineData("the Archive folder", "archive folder", DropPosition.Inside)]
    public void A_destination_reads_as_a_place_and_a_position(string destination, string place, DropPosition position) =>
        Assert.Equal(new DropDestination(place, position), DropPlaces.Parse(destination));
}
