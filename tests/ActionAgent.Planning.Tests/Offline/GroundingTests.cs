using ActionAgent.Core.Actions;
using ActionAgent.Core.Observation;
using ActionAgent.Embeddings;
using ActionAgent.Planning.Offline;

namespace ActionAgent.Planning.Tests.Offline;

public sealed class GroundingTests
{
    private static readonly AccessibilityGrounder Grounder = new(MiniLmEmbedder.Shared);

    private const string Form = """
        - form "Sign up" [ref=e1]:
          - generic [ref=e2]:
            - generic [ref=e3]: Given name
            - textbox [ref=e4]
          - textbox "Family name" [ref=e5]
          - textbox "E-mail address" [ref=e6]:
            - /placeholder: you@example.com
          - checkbox "Send me offers" [ref=e7]
          - combobox "Country" [ref=e8]:
            - option "France" [selected]
            - option "Italy"
          - button "Back" [ref=e9]
          - button "Create account" [ref=e10]
          - button "Close" [ref=e11]: ×
        """;

    [Theory]
    [InlineData(ActionKind.Fill, "the first name field", "e4")]
    [InlineData(ActionKind.Fill, "last name", "e5")]
    [InlineData(ActionKind.Fill, "email", "e6")]
    [InlineData(ActionKind.Check, "the newsletter offers box", "e7")]
    [InlineData(ActionKind.Select, "country", "e8")]
    [InlineData(ActionKind.Click, "the button that registers a new account", "e10")]
    public async Task Descriptions_ground_to_the_element_they_mean(ActionKind action, string description, string expectedRef)
    {
        var step = new PlanStep { Action = action, Target = ElementTarget.Describe(description) };

        var result = await Grounder.GroundAsync(step, Observe(Form), CancellationToken.None);

        Assert.Equal(expectedRef, result.Target?.Ref);
    }

    [Fact]
    public async Task A_label_in_a_text_sibling_names_an_unnamed_field()
    {
        var step = new PlanStep { Action = ActionKind.Fill, Target = ElementTarget.Describe("given name") };

        var result = await Grounder.GroundAsync(step, Observe(Form), CancellationToken.None);

        Assert.Contains("Given name", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_role_must_fit_the_action()
    {
        var step = new PlanStep { Action = ActionKind.Fill, Target = ElementTarget.Describe("Create account") };

        var result = await Grounder.GroundAsync(step, Observe(Form), CancellationToken.None);

        Assert.NotEqual("e10", result.Target?.Ref);
    }

    [Fact]
    public async Task Origin_and_destination_descriptions_find_from_and_to_on_a_recorded_page()
    {
        var page = Observe(Fixtures.Read("skyfare-01-home.txt"));
        var from = await Grounder.GroundAsync(new PlanStep { Action = ActionKind.Type, Target = ElementTarget.Describe("from: the origin, where the flight departs from") }, page, CancellationToken.None);
        var to = await Grounder.GroundAsync(new PlanStep { Action = ActionKind.Type, Target = ElementTarget.Describe("to: the destination, where the flight goes to") }, page, CancellationToken.None);

        Assert.Equal(("combobox", "From", "combobox", "To"), (from.Target?.Role, from.Target?.Name, to.Target?.Role, to.Target?.Name));
    }

    [Fact]
    public async Task Empty_fields_match_inputs_by_meaning()
    {
        var matcher = new FormInputMatcher(new ElementScorer(MiniLmEmbedder.Shared));
        var inputs = new Dictionary<string, string> { ["passenger.first_name"] = "Ada", ["passenger.last_name"] = "Lovelace", ["passenger.email"] = "ada@example.com" };

        var fills = await matcher.MatchAsync(PageModel.From(Observe(Form)), inputs, [], _ => false, CancellationToken.None);

        Assert.Equal(["passenger.first_name", "passenger.last_name", "passenger.email"], fills.Select(f => f.Key).ToList());
        Assert.Equal("${inputs.passenger.first_name}", fills[0].Value);
    }

    [Fact]
    public async Task Payment_fields_map_to_secret_placeholders()
    {
        var matcher = new FormInputMatcher(new ElementScorer(MiniLmEmbedder.Shared));
        var page = PageModel.From(Observe(Fixtures.Read("skyfare-12-payment.txt")));

        var fills = await matcher.MatchAsync(page, new Dictionary<string, string> { ["card.name"] = "Ada Lovelace", ["card.expiry"] = "12/29" },
            ["card_number", "card_cvc"], _ => false, CancellationToken.None);

        Assert.Equal(
            [("Card number", "${secrets.card_number}"), ("Name on card", "${inputs.card.name}"), ("Expiry (MM/YY)", "${inputs.card.expiry}"), ("CVC", "${secrets.card_cvc}")],
            fills.Select(f => (f.Field.Name, f.Value)).ToList());
    }

    private static UiObservation Observe(string snapshot) =>
        new() { Location = "http://127.0.0.1/", SnapshotText = snapshot, Nodes = AriaSnapshotParser.Parse(snapshot) };
}

public sealed class SnapshotQuotingTests
{
    [Fact]
    public void A_line_quoted_because_its_name_holds_a_colon_is_still_an_element()
    {
        var nodes = ActionAgent.Core.Observation.AriaSnapshotParser.Parse("- 'button \"Sort: Newest first\" [ref=e12] [cursor=pointer]': Newest first ▾");

        Assert.Equal(("button", "Sort: Newest first", "e12", "Newest first ▾"), (nodes[0].Role, nodes[0].Name, nodes[0].Ref, nodes[0].Value));
    }
}
