using ActionAgent.Core.Observation;
using ActionAgent.Planning.Offline;

namespace ActionAgent.Planning.Tests.Offline;

/// <summary>A form laid out as a grid that lists its labels first, then its boxes (a zenity form's accessibility tree).</summary>
public sealed class GridFormLabelTests
{
    [Fact]
    public void A_text_that_names_another_field_is_not_read_as_this_fields_context()
    {
        const string snapshot = """
            - dialog "Passenger" [ref=d1]:
              - text "Name" [ref=d2]
              - text "City" [ref=d3]
              - textbox "City" [ref=d4]
              - textbox "Name" [ref=d5]
              - button "OK" [ref=d6]
            """;

        var page = PageModel.From(new UiObservation { Location = "desktop:zenity", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) });

        Assert.Equal("Name", page.All.Single(n => n.Node.Ref == "d5").Label());
        Assert.Equal("City", page.All.Single(n => n.Node.Ref == "d4").Label());
    }
}
