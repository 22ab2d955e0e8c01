namespace ActionAgent.Planning.Tests.Goals;

/// <summary>
/// Calculations: an arithmetic expression after a "calculate" verb is typed whole into the app's text field and the
/// "=" control is pressed, as on any calculator (the verbs are data in verbs.yaml, not code); the press is proven only by
/// the result in a field.
/// </summary>
public sealed class CalculationGoalTests
{
    [Theory]
    [InlineData("Compute 7 × 6",
        "EnterText 'search' [Text:7 × 6@search] => ValueSet(7 × 6)",
        "Submit* '=' => ValueSet(42)")]
    [InlineData("Calculate (12.5 + 3) / 2",
        "EnterText 'search' [Text:(12.5 + 3) / 2@search] => ValueSet((12.5 + 3) / 2)",
        "Submit* '=' => ValueSet(7.75)")]
    [InlineData("work out 12*4",
        "EnterText 'search' [Text:12*4@search] => ValueSet(12*4)",
        "Submit* '=' => ValueSet(48)")]
    public Task A_calculation_goal_types_the_expression_and_presses_equals(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);

    [Fact]
    public Task A_search_for_an_expression_types_it_whole() =>
        GoalReading.AssertReadsAsync("Search for 2+2", ["EnterText 'search' [Text:2+2@search] => ValueSet(2+2)", "Submit* 'search' => Navigated"]);
}
