namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Navigation, reading, waiting, searching and todo lists (including "it" for the item before).</summary>
public sealed class NavigationAndTodoGoalTests
{
    [Theory]
    [InlineData("Hover over the avatar and click Settings",
        "Hover 'avatar' => Revealed",
        "Activate 'Settings' => ScreenChanged")]
    [InlineData("Scroll to the footer",
        "Scroll 'footer' => Revealed")]
    [InlineData("Scroll down to the comments",
        "Scroll 'comments' => Revealed")]
    [InlineData("Wait for \"Saved\" to appear",
        "Wait 'Saved' [Text:Saved] => TextVisible(Saved)")]
    [InlineData("Wait until the spinner disappears",
        "Wait 'spinner' => ItemDisappeared(spinner)")]
    [InlineData("Expand the Billing section",
        "Expand 'Billing section' => Expanded")]
    [InlineData("Collapse the sidebar",
        "Activate 'sidebar' => Closed")]
    [InlineData("Close the dialog",
        "Activate 'dialog' => Closed")]
    [InlineData("Dismiss the cookie banner",
        "Activate 'cookie banner' => Closed")]
    [InlineData("Navigate to https://example.com/settings",
        "Navigate '' [Url:https://example.com/settings] => Navigated(https://example.com/settings)")]
    [InlineData("Go back",
        "Navigate '' => Navigated")]
    [InlineData("Visit the pricing page",
        "Navigate 'pricing page' => Navigated")]
    [InlineData("Go to Settings, then open Billing and download the last invoice",
        "Navigate 'Settings' => Navigated",
        "Activate 'Billing' => Navigated",
        "Read 'invoice' q(#-1) => ValueRead")]
    [InlineData("First open the menu, then click Logout",
        "Expand 'menu' => Expanded",
        "Activate 'Logout' => ScreenChanged")]
    [InlineData("Open the collapsed panel and press Save",
        "Expand 'panel' => Expanded",
        "Activate 'Save' => ScreenChanged")]
    [InlineData("Please could you click the Save button for me",
        "Activate 'Save button' => ScreenChanged")]
    [InlineData("I'd like to unsubscribe from the newsletter",
        "Toggle 'newsletter' q(off) => Unchecked")]
    [InlineData("Can you find the cheapest flight to Rome?",
        "EnterText 'to' [Text:Rome@to] => ValueSet(Rome)",
        "Submit* 'search' => Navigated",
        "Pick 'flight' q(cheapest) => Selected")]
    [InlineData("Find hotels in Paris from 3 March to 5 March for 2 guests",
        "EnterText 'in' [Text:Paris@in] => ValueSet(Paris)",
        "EnterText 'from' [Date:2027-03-03@from] => ValueSet(2027-03-03)",
        "EnterText 'to' [Date:2027-03-05@to] => ValueSet(2027-03-05)",
        "EnterText 'guests' [Number:2@guests] => ValueSet(2)",
        "Submit* 'search' => Navigated")]
    [InlineData("Look up the weather in Oslo",
        "EnterText 'search' [Text:weather@search] => ValueSet(weather)",
        "EnterText 'in' [Text:Oslo@in] => ValueSet(Oslo)",
        "Submit* 'search' => Navigated")]
    [InlineData("Look up \"reset password\" in the help centre",
        "EnterText 'search' [Text:reset password@search] => ValueSet(reset password)",
        "Submit* 'search' => Navigated")]
    [InlineData("Search for \"wool socks\" in the shop",
        "EnterText 'search' [Text:wool socks@search] => ValueSet(wool socks)",
        "Submit* 'search' => Navigated")]
    [InlineData("Open the file budget.xlsx in Documents > 2026",
        "Activate 'file budget.xlsx' in(Documents > 2026) => Navigated")]
    [InlineData("Read the total",
        "Read 'total' => ValueRead")]
    [InlineData("What is the order number?",
        "Read 'order number' => ValueRead")]
    [InlineData("Copy the tracking number",
        "Read 'tracking number' => ValueRead")]
    [InlineData("Get the price of the first result",
        "Read 'price of result' q(#1) => ValueRead")]
    [InlineData("Pick the earliest train to Bergen",
        "EnterText 'to' [Text:Bergen@to] => ValueSet(Bergen)",
        "Submit* 'search' => Navigated",
        "Pick 'train' q(earliest) => Selected")]
    [InlineData("Select the cheapest hotel",
        "Pick 'hotel' q(cheapest) => Selected")]
    [InlineData("Choose the second result",
        "Pick 'result' q(#2) => Selected")]
    [InlineData("Put \"buy bread\" on the list and then tick it off",
        "EnterText 'list' [Text:buy bread] => ValueSet(buy bread)",
        "Submit* 'add' => ItemAppeared(buy bread)",
        "Toggle 'buy bread' [Text:buy bread] q(on) => Checked(buy bread)")]
    [InlineData("Add a task \"Pay rent\" due 1 January",
        "EnterText 'task' [Text:Pay rent@task] => ValueSet(Pay rent)",
        "EnterText 'due' [Date:2027-01-01@due] => ValueSet(2027-01-01)",
        "Submit* 'add' => ItemAppeared(Pay rent)")]
    [InlineData("Clear the completed tasks",
        "Remove 'completed tasks' => ItemDisappeared(completed tasks)")]
    [InlineData("Show completed tasks",
        "Filter 'completed tasks' => ListChanged")]
    [InlineData("Mark all tasks as done",
        "Toggle 'tasks' q(all on) => Checked")]
    [InlineData("Tick off \"Milk\" and \"Eggs\"",
        "Toggle 'Milk' [Text:Milk] q(on) => Checked(Milk)",
        "Toggle 'Eggs' [Text:Eggs] q(on) => Checked(Eggs)")]
    [InlineData("Untick the first task",
        "Toggle 'task' q(#1 off) => Unchecked")]
    [InlineData("Delete every task that is done",
        "Remove 'task that is done' q(all) => ItemDisappeared(task that is done)")]
    [InlineData("Check the last two tasks",
        "Toggle 'tasks' q(count 2 #-1 on) => Checked")]
    [InlineData("Complete the third task",
        "Toggle 'task' q(#3 on) => Checked")]
    [InlineData("Add \"water plants\" to the list; add \"feed cat\" to the list",
        "EnterText 'list' [Text:water plants] => ValueSet(water plants)",
        "Submit* 'add' => ItemAppeared(water plants)",
        "EnterText 'list' [Text:feed cat] => ValueSet(feed cat)",
        "Submit* 'add' => ItemAppeared(feed cat)")]
    [InlineData("Remove the last item",
        "Remove 'item' q(#-1) => ItemDisappeared(item)")]
    public Task A_navigation_or_todo_goal_is_read_as_expected(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
