namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Literal commands PlainCommandParser understands read the same way through the interpreter.</summary>
public sealed class PlainCommandGoalTests
{
    [Theory]
    [InlineData("type Ada into the first name field",
        "EnterText 'first name field' [Text:Ada@first name field] => ValueSet(Ada)")]
    [InlineData("select Blue from Colour",
        "Choose 'Colour' [Text:Blue@Colour] => Selected(Blue)")]
    [InlineData("press Enter",
        "Activate '' [Key:Enter] => ScreenChanged(Enter)")]
    [InlineData("go to example.com",
        "Navigate '' [Url:example.com] => Navigated(example.com)")]
    [InlineData("click the Delete button in the row for Porto",
        "Activate 'Delete button' in(row for Porto) => ScreenChanged")]
    [InlineData("click Sign in and type ada@example.com into Email",
        "Activate 'Sign in' => ScreenChanged",
        "EnterText 'Email' [Email:ada@example.com@Email] => ValueSet(ada@example.com)")]
    [InlineData("check Remember me",
        "Toggle 'Remember me' q(on) => Checked")]
    [InlineData("uncheck Newsletter",
        "Toggle 'Newsletter' q(off) => Unchecked")]
    [InlineData("scroll to Footer",
        "Scroll 'Footer' => Revealed")]
    [InlineData("hover over Profile",
        "Hover 'Profile' => Revealed")]
    [InlineData("wait for Welcome",
        "Wait 'Welcome' => TextVisible(Welcome)")]
    [InlineData("tap Continue",
        "Activate 'Continue' => ScreenChanged")]
    [InlineData("fill Email with ada@example.com",
        "EnterText 'Email' [Email:ada@example.com@Email] => ValueSet(ada@example.com)")]
    [InlineData("select Economy in Cabin class",
        "Choose 'Cabin class' [Text:Economy@Cabin class] => Selected(Economy)")]
    [InlineData("open example.org/login",
        "Navigate '' [Url:example.org/login] => Navigated(example.org/login)")]
    [InlineData("Press Escape",
        "Activate '' [Key:Escape] => ScreenChanged(Escape)")]
    [InlineData("Press Enter in the search box",
        "Activate 'search box' [Key:Enter] => ScreenChanged(Enter)")]
    [InlineData("enter 42 in Age",
        "EnterText 'Age' [Number:42@Age] => ValueSet(42)")]
    [InlineData("type \"New York\" into the destination field, then press Enter",
        "EnterText 'destination field' [Text:New York@destination field] => ValueSet(New York)",
        "Activate '' [Key:Enter] => ScreenChanged(Enter)")]
    [InlineData("set Quantity to 2",
        "EnterText 'Quantity' [Number:2@Quantity] => ValueSet(2)")]
    [InlineData("choose Express from Shipping",
        "Choose 'Shipping' [Text:Express@Shipping] => Selected(Express)")]
    [InlineData("tick Subscribe",
        "Toggle 'Subscribe' q(on) => Checked")]
    [InlineData("untick Marketing emails",
        "Toggle 'Marketing emails' q(off) => Unchecked")]
    [InlineData("navigate to /checkout",
        "Navigate '' [Url:/checkout] => Navigated(/checkout)")]
    [InlineData("visit https://example.com",
        "Navigate '' [Url:https://example.com] => Navigated(https://example.com)")]
    [InlineData("click on the Help link and wait for \"Contact us\"",
        "Activate 'Help link' => ScreenChanged",
        "Wait 'Contact us' [Text:Contact us] => TextVisible(Contact us)")]
    public Task A_plain_command_is_one_sub_goal_per_clause(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
