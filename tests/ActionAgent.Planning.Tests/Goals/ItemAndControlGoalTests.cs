namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Goals about items and the controls next to them: a kind then a name, "the X of the Y", codes in capitals, skips, confirmations.</summary>
public sealed class ItemAndControlGoalTests
{
    [Theory]
    [InlineData("Expand the question about returns and open its form",
        "Expand 'question about returns' => Expanded",
        "Activate 'form' in(question about returns) => Navigated")]
    [InlineData("Remove the user Rob Smith",
        "Remove 'user' [Text:Rob Smith@user] => ItemDisappeared(Rob Smith)")]
    [InlineData("Delete the contact Ana Lopes",
        "Remove 'contact' [Text:Ana Lopes@contact] => ItemDisappeared(Ana Lopes)")]
    [InlineData("Remove the tea towel from the cart",
        "Remove 'tea towel' in(cart) => ItemDisappeared(tea towel)")]
    [InlineData("Apply the discount code FREESHIP",
        "EnterText 'discount code' [Text:FREESHIP@discount code] => ValueSet(FREESHIP)",
        "Submit 'apply' => Navigated")]
    [InlineData("Show the details of the Basic plan",
        "Expand 'details' in(Basic plan) => Expanded")]
    [InlineData("Mark the review by Dev as helpful",
        "Activate 'helpful' in(review by Dev) => ScreenChanged")]
    [InlineData("Skip the tour",
        "Activate 'skip' in(tour) => ScreenChanged")]
    public Task An_item_or_control_goal_is_read_as_expected(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);

    [Fact]
    public async Task A_bare_confirm_after_a_delete_belongs_to_it_and_is_optional()
    {
        var reading = await GoalReading.AssertReadsAsync("Delete the draft \"Team offsite\" and confirm",
            ["Remove 'draft' [Text:Team offsite@draft] => ItemDisappeared(Team offsite)", "Submit 'confirm' => Navigated"]);

        Assert.False(reading.SubGoals[0].Optional);
        Assert.True(reading.SubGoals[1].Optional);
    }

    [Fact]
    public async Task A_confirm_that_names_what_to_confirm_is_not_optional()
    {
        var reading = await GoalReading.Interpreter.InterpretAsync("Fill in the form, then confirm the booking", CancellationToken.None);

        Assert.Contains(reading.SubGoals, s => s.Verb == "confirm" && !s.Optional);
        Assert.DoesNotContain(reading.SubGoals, s => s.Optional);
    }
}
