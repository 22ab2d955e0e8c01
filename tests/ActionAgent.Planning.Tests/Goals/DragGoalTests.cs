namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Drag goals: the item, and the place it goes to with its own words ("To do" is a column, not "do").</summary>
public sealed class DragGoalTests
{
    [Theory]
    [InlineData("Move the card \"Write release notes\" to To do",
        "Drag 'card' [Text:Write release notes@card] to(To do) => Moved(Write release notes)")]
    [InlineData("Drag \"Bread\" to the top of the list",
        "Drag 'Bread' [Text:Bread] to(top of the list) => Moved(Bread)")]
    [InlineData("Put \"Fix bug\" in the Done column",
        "Drag 'Fix bug' [Text:Fix bug] to(Done column) => Moved(Fix bug)")]
    [InlineData("Move the card \"Update logo\" into Done",
        "Drag 'card' [Text:Update logo@card] to(Done) => Moved(Update logo)")]
    public Task A_drag_goal_reads_as_a_move_to_a_place(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("In the survey, answer \"No\" to \"Would you recommend us?\" and submit it",
        "Choose 'Would you recommend us?' [Text:No@Would you recommend us?] in(survey) => Selected(No)",
        "Submit 'submit' in(survey) => Navigated")]
    public Task A_question_answered_with_a_quoted_option_is_a_choice_in_the_place_the_goal_opens_with(string goal, params string[] expected) =>
        GoalReading.AssertReadsAsync(goal, expected);
}
