namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Forms: fields named by the goal, sign-in and sign-up with implied commits, label: value pairs, placeholders.</summary>
public sealed class FormGoalTests
{
    [Theory]
    [InlineData("Fill in the first name with Ada",
        "EnterText 'first name' [Text:Ada@first name] => ValueSet(Ada)")]
    [InlineData("Fill the email field with ada@example.com",
        "EnterText 'email field' [Email:ada@example.com@email field] => ValueSet(ada@example.com)")]
    [InlineData("Enter your phone number 555-0100",
        "EnterText 'phone number' [Text:555-0100@phone number] => ValueSet(555-0100)")]
    [InlineData("Type \"Lovelace\" into the last name field",
        "EnterText 'last name field' [Text:Lovelace@last name field] => ValueSet(Lovelace)")]
    [InlineData("Pick 2 adults from the passengers dropdown",
        "Choose 'passengers dropdown' [Text:2 adults@passengers dropdown] => Selected(2 adults)")]
    [InlineData("Choose Portugal from the country list",
        "Choose 'country list' [Text:Portugal@country list] => Selected(Portugal)")]
    [InlineData("Tick the \"I agree\" checkbox and press Submit",
        "Toggle 'checkbox' [Text:I agree] q(on) => Checked(I agree)",
        "Activate 'Submit' => ScreenChanged")]
    [InlineData("Accept the terms and conditions",
        "Toggle 'terms and conditions' q(on) => Checked")]
    [InlineData("Submit the form",
        "Submit 'form' => Navigated")]
    [InlineData("Sign in as ana@example.net with password \"hunter2\"",
        "EnterText 'email' [Email:ana@example.net@email] => ValueSet(ana@example.net)",
        "EnterText 'password' [Password:hunter2@password] => ValueSet(hunter2)",
        "Submit* 'sign in' => Navigated")]
    [InlineData("Log in as admin with password s3cret!",
        "EnterText 'username' [Text:admin@username] => ValueSet(admin)",
        "EnterText 'password' [Password:s3cret!@password] => ValueSet(s3cret!)",
        "Submit* 'sign in' => Navigated")]
    [InlineData("Sign in with username \"bob\" and password \"pa55\"",
        "EnterText 'username' [Text:bob@username] => ValueSet(bob)",
        "EnterText 'password' [Password:pa55@password] => ValueSet(pa55)",
        "Submit* 'sign in' => Navigated")]
    [InlineData("Log me in with PIN 4321",
        "EnterText 'pin' [Password:4321@pin] => ValueSet(4321)",
        "Submit* 'sign in' => Navigated")]
    [InlineData("Register with email: ada@example.com password: \"Sup3r!\"",
        "EnterText 'email' [Email:ada@example.com@email] => ValueSet(ada@example.com)",
        "EnterText 'password' [Password:Sup3r!@password] => ValueSet(Sup3r!)",
        "Submit 'register' => Navigated")]
    [InlineData("Sign up as \"ada\" with email ada@example.com and accept the terms",
        "EnterText 'username' [Text:ada@username] => ValueSet(ada)",
        "EnterText 'email' [Email:ada@example.com@email] => ValueSet(ada@example.com)",
        "Toggle 'terms' q(on) => Checked",
        "Submit* 'sign up' => Navigated")]
    [InlineData("Subscribe to the newsletter with ana@example.net",
        "EnterText 'email' [Email:ana@example.net@email] => ValueSet(ana@example.net)",
        "Submit* 'sign up' => Navigated")]
    [InlineData("Fill the form with name: Ada, email: ada@example.com",
        "EnterText 'name' [Text:Ada@name] => ValueSet(Ada)",
        "EnterText 'email' [Email:ada@example.com@email] => ValueSet(ada@example.com)")]
    [InlineData("Enter ${inputs.email} in the email field",
        "EnterText 'email field' [Placeholder:${inputs.email}@email field] => ValueSet(${inputs.email})")]
    public Task A_form_goal_is_read_as_expected(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
