namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Every goal quoted in issue 8's "Why", verbatim: the goals the planner refused before the interpreter.</summary>
public sealed class WhyGoalTests
{
    [Theory]
    [InlineData("Put \"call the bank\" on my list",
        "EnterText 'list' [Text:call the bank] => ValueSet(call the bank)",
        "Submit* 'add' => ItemAppeared(call the bank)")]
    [InlineData("Tick off the second task",
        "Toggle 'task' q(#2 on) => Checked")]
    [InlineData("Remove the item \"old shoes\"",
        "Remove 'item' [Text:old shoes@item] => ItemDisappeared(old shoes)")]
    [InlineData("Only show the tasks I have finished",
        "Filter 'tasks I have finished' => ListChanged")]
    [InlineData("Pick the shortest bus",
        "Pick 'bus' q(shortest) => Selected")]
    [InlineData("Get the latest invoice as a PDF",
        "Read 'invoice' [Text:PDF@format] q(latest) => ValueRead")]
    [InlineData("Sign up for the monthly newsletter as ana@example.net and agree to the rules",
        "EnterText 'email' [Email:ana@example.net@email] => ValueSet(ana@example.net)",
        "Toggle 'rules' q(on) => Checked",
        "Submit* 'sign up' => Navigated")]
    [InlineData("Find hotels from 3 March 2027 to 5 March 2027",
        "EnterText 'from' [Date:2027-03-03@from] => ValueSet(2027-03-03)",
        "EnterText 'to' [Date:2027-03-05@to] => ValueSet(2027-03-05)",
        "Submit* 'search' => Navigated")]
    [InlineData("Log in as \"j.doe\" with access code \"rose77\"",
        "EnterText 'username' [Text:j.doe@username] => ValueSet(j.doe)",
        "EnterText 'access code' [Password:rose77@access code] => ValueSet(rose77)",
        "Submit* 'sign in' => Navigated")]
    [InlineData("Open the collapsed panel, then press Save",
        "Expand 'panel' => Expanded",
        "Activate 'Save' => ScreenChanged")]
    [InlineData("Type \"hello\" in the box and submit",
        "EnterText 'box' [Text:hello@box] => ValueSet(hello)",
        "Submit 'submit' => Navigated")]
    [InlineData("Like every photo posted by @ana, then press Done",
        "Activate 'like' q(all) in(photo posted by @ana) => ScreenChanged",
        "Activate 'Done' => ScreenChanged")]
    [InlineData("Book the earliest flight from: Oslo to: BGO on 03/04/2027",
        "EnterText 'from' [Text:Oslo@from] => ValueSet(Oslo)",
        "EnterText 'to' [Text:BGO@to] => ValueSet(BGO)",
        "EnterText 'date' [Date:2027-03-04@date] => ValueSet(2027-03-04)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(earliest) => Selected")]
    public Task Every_goal_quoted_in_the_issue_is_read_as_ordered_sub_goals(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
