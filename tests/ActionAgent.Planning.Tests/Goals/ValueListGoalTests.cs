namespace ActionAgent.Planning.Tests.Goals;

/// <summary>
/// Values given as a list with commas (addresses, contact details), unquoted items after a plural noun, a person after
/// "to", menu paths, and dates written with a comma: each value becomes its own fill, a constraint stays whole.
/// </summary>
public sealed class ValueListGoalTests
{
    [Theory]
    [InlineData("Enter the shipping address Karl Johans gate 7, Oslo, 0154, Norway and continue",
        "EnterText '' [Text:Karl Johans gate 7] => ValueSet(Karl Johans gate 7)",
        "EnterText '' [Text:Oslo] => ValueSet(Oslo)",
        "EnterText '' [Number:0154] => ValueSet(0154)",
        "EnterText '' [Text:Norway] => ValueSet(Norway)",
        "Submit 'continue' => Navigated")]
    [InlineData("Enter the delivery address 5 Harbour Road, Galway, H91 2XY, Ireland and continue",
        "EnterText '' [Text:5 Harbour Road] => ValueSet(5 Harbour Road)",
        "EnterText '' [Text:Galway] => ValueSet(Galway)",
        "EnterText '' [Text:H91 2XY] => ValueSet(H91 2XY)",
        "EnterText '' [Text:Ireland] => ValueSet(Ireland)",
        "Submit 'continue' => Navigated")]
    [InlineData("Fill in the contact form as Ana Lopes, ana@example.net with the message \"Where is my order?\" and send it",
        "EnterText 'name' [Text:Ana Lopes@name] => ValueSet(Ana Lopes)",
        "EnterText 'email' [Email:ana@example.net@email] => ValueSet(ana@example.net)",
        "EnterText 'message' [Text:Where is my order?@message] => ValueSet(Where is my order?)",
        "Submit 'send' => Navigated")]
    [InlineData("Add a new address for Ben Kowalski, Ul. Długa 12, Gdańsk and save it",
        "EnterText 'name' [Text:Ben Kowalski@name] => ValueSet(Ben Kowalski)",
        "EnterText '' [Text:Ul. Długa 12] => ValueSet(Ul. Długa 12)",
        "EnterText '' [Text:Gdańsk] => ValueSet(Gdańsk)",
        "Submit 'save' => Navigated")]
    public async Task A_comma_list_of_values_is_one_fill_per_value_in_the_order_given(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("Set the delivery date to April 24, 2027 and save",
        "EnterText 'delivery date' [Date:2027-04-24@delivery date] => ValueSet(2027-04-24)",
        "Submit 'save' => Navigated")]
    public async Task A_date_written_with_a_comma_stays_one_value(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("Take the earliest bus leaving after 9:30",
        "Pick 'bus' [Time:09:30@after] q(earliest) => Selected")]
    public async Task A_time_after_after_bounds_the_pick_and_is_no_field_to_fill(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("Add the tags backend and design",
        "EnterText 'tags' [Text:backend@tags] => ValueSet(backend)",
        "Submit* 'add' => ItemAppeared(backend)",
        "EnterText 'tags' [Text:design@tags] => ValueSet(design)",
        "Submit* 'add' => ItemAppeared(design)")]
    public async Task Unquoted_items_after_a_plural_noun_are_each_typed_and_committed(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("Assign the ticket to Marta Nowak",
        "Choose 'assign' [Text:Marta Nowak@assign] => Selected(Marta Nowak)",
        "Submit* 'assign' => ScreenChanged")]
    [InlineData("Give the task to Nora Berg",
        "Choose 'give' [Text:Nora Berg@give] => Selected(Nora Berg)",
        "Submit* 'give' => ScreenChanged")]
    public async Task A_person_after_to_is_a_value_to_choose_not_part_of_the_field(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("Reply \"looks great\" to the post by @ben",
        "EnterText 'reply' [Text:looks great] in(post by @ben) => ValueSet(looks great)",
        "Submit* 'reply' in(post by @ben) => ItemAppeared(looks great)")]
    public async Task A_reply_to_a_post_is_written_and_sent_in_that_post(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);

    [Theory]
    [InlineData("Export the document as PDF from the File menu",
        "Expand 'File menu' => Expanded",
        "Activate 'export PDF' => ScreenChanged")]
    [InlineData("Make the selected text bold using the Format menu",
        "Expand 'Format menu' => Expanded",
        "Activate 'bold' => ScreenChanged")]
    public async Task A_menu_path_opens_the_menu_then_activates_the_item(string goal, params string[] expected) =>
        await GoalReading.AssertReadsAsync(goal, expected);
}
