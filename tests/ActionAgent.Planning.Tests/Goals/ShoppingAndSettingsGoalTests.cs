namespace ActionAgent.Planning.Tests.Goals;

/// <summary>Shopping and settings goals: carts, filters, codes, toggles, options set by "to".</summary>
public sealed class ShoppingAndSettingsGoalTests
{
    [Theory]
    [InlineData("Add \"milk\" and \"eggs\" to my shopping list",
        "EnterText 'shopping list' [Text:milk] => ValueSet(milk)",
        "Submit* 'add' => ItemAppeared(milk)",
        "EnterText 'shopping list' [Text:eggs] => ValueSet(eggs)",
        "Submit* 'add' => ItemAppeared(eggs)")]
    [InlineData("Add the blue shirt to the cart",
        "Activate 'add to cart' in(blue shirt) => ItemAppeared(blue shirt)")]
    [InlineData("Choose the Large size and add it to the cart",
        "Choose 'Large size' => Selected(Large size)",
        "Activate 'add to cart' => ItemAppeared")]
    [InlineData("Add \"Thyme\" to my favourites",
        "Activate 'add to favourites' [Text:Thyme] in(Thyme) => ItemAppeared(Thyme)")]
    [InlineData("Add the cheapest kettle to the cart",
        "Activate 'add to cart' q(cheapest) in(kettle) => ItemAppeared(kettle)")]
    [InlineData("Pay with the card 4242 4242 4242 4242, expiry 12/29, CVC 123",
        "EnterText 'card' [Text:4242 4242 4242 4242@card] => ValueSet(4242 4242 4242 4242)",
        "EnterText 'expiry' [Text:12/29@expiry] => ValueSet(12/29)",
        "EnterText 'cvc' [Number:123@cvc] => ValueSet(123)",
        "Submit 'pay' => Navigated")]
    [InlineData("Buy the cheapest pair of headphones",
        "Pick 'pair of headphones' q(cheapest) => Selected")]
    [InlineData("Sort the products by price",
        "Filter 'products by price' => ListChanged")]
    [InlineData("Sort by price from low to high",
        "Filter 'price' q(smallest) => ListChanged")]
    [InlineData("Sort by price from high to low",
        "Filter 'price' q(largest) => ListChanged")]
    [InlineData("Show only items under €50",
        "Filter 'items' [Number:50@under] => ListChanged")]
    [InlineData("Remove \"Wireless mouse\" from the cart",
        "Remove 'Wireless mouse' [Text:Wireless mouse] in(cart) => ItemDisappeared(Wireless mouse)")]
    [InlineData("Set the quantity to 3",
        "EnterText 'quantity' [Number:3@quantity] => ValueSet(3)")]
    [InlineData("Change the quantity of the notebook to 6 and update the cart",
        "EnterText 'quantity of the notebook' [Number:6@quantity of the notebook] => ValueSet(6)",
        "Submit 'cart' => Navigated")]
    [InlineData("Show only bikes up to 450 euros",
        "Filter 'bikes' [Number:450@up to] => ListChanged")]
    [InlineData("Reserve a table for 4 at 20:45",
        "EnterText 'number' [Number:4@number] => ValueSet(4)",
        "EnterText 'time' [Time:20:45@time] => ValueSet(20:45)",
        "Submit* 'search' => Navigated",
        "Pick 'table' => Selected")]
    [InlineData("Apply the discount code SAVE10",
        "EnterText 'discount code' [Text:SAVE10@discount code] => ValueSet(SAVE10)",
        "Submit 'apply' => Navigated")]
    [InlineData("Proceed to checkout",
        "Submit 'checkout' => Navigated")]
    [InlineData("Choose Express shipping",
        "Choose 'Express shipping' => Selected(Express shipping)")]
    [InlineData("Enter 4 in the quantity field",
        "EnterText 'quantity field' [Number:4@quantity field] => ValueSet(4)")]
    [InlineData("Purchase the cheapest laptop",
        "Pick 'laptop' q(cheapest) => Selected")]
    [InlineData("Select only cheese and olives as toppings, then order",
        "Toggle 'cheese' [Text:cheese] q(on) => Checked(cheese)",
        "Toggle 'olives' [Text:olives] q(on) => Checked(olives)",
        "Toggle 'toppings' [Text:cheese@except, Text:olives@except] q(all off) => Unchecked",
        "Submit 'order' => Navigated")]
    [InlineData("Tick only \"Email\" and \"SMS\"",
        "Toggle 'Email' [Text:Email] q(on) => Checked(Email)",
        "Toggle 'SMS' [Text:SMS] q(on) => Checked(SMS)",
        "Toggle '' [Text:Email@except, Text:SMS@except] q(all off) => Unchecked")]
    [InlineData("Tick \"Extra cheese\", then order",
        "Toggle 'Extra cheese' [Text:Extra cheese] q(on) => Checked(Extra cheese)",
        "Submit 'order' => Navigated")]
    [InlineData("Select the highest rated blender",
        "Pick 'blender' q(highest rated) => Selected")]
    [InlineData("Add 2 of the cheapest chargers to the basket",
        "Activate 'add to basket' q(count 2 cheapest) in(chargers) => ItemAppeared(chargers)")]
    [InlineData("Empty the cart",
        "Remove 'cart' => ItemDisappeared(cart)")]
    [InlineData("Search for red shoes in size 42",
        "EnterText 'search' [Text:red shoes@search] => ValueSet(red shoes)",
        "EnterText 'size' [Number:42@size] => ValueSet(42)",
        "Submit* 'search' => Navigated")]
    [InlineData("Search for \"wireless headphones\"",
        "EnterText 'search' [Text:wireless headphones@search] => ValueSet(wireless headphones)",
        "Submit* 'search' => Navigated")]
    [InlineData("Filter the results by brand \"Acme\"",
        "Filter 'results' [Text:Acme@brand] => ListChanged")]
    [InlineData("Turn on dark mode",
        "Toggle 'dark mode' q(on) => Checked")]
    [InlineData("Turn notifications off",
        "Toggle 'notifications' q(off) => Unchecked")]
    [InlineData("Switch the language to French",
        "Choose 'language' [Text:French@language] => Selected(French)")]
    [InlineData("Change the theme to dark",
        "Choose 'theme' [Text:dark@theme] => Selected(dark)")]
    [InlineData("Disable two-factor authentication",
        "Toggle 'two-factor authentication' q(off) => Unchecked")]
    [InlineData("Enable email notifications and save",
        "Toggle 'email notifications' q(on) => Checked",
        "Submit 'save' => Navigated")]
    [InlineData("Set the volume to 50",
        "EnterText 'volume' [Number:50@volume] => ValueSet(50)")]
    [InlineData("Select the \"Weekly\" option in the frequency dropdown",
        "Choose 'frequency dropdown' [Text:Weekly@frequency dropdown] => Selected(Weekly)")]
    [InlineData("Uncheck \"Send me marketing emails\"",
        "Toggle 'Send me marketing emails' [Text:Send me marketing emails] q(off) => Unchecked(Send me marketing emails)")]
    [InlineData("Move the slider to 70",
        "EnterText 'slider' [Number:70@slider] => ValueSet(70)")]
    [InlineData("Toggle the second switch",
        "Toggle 'switch' q(#2) => Checked")]
    [InlineData("Open Settings, switch on \"Auto-update\" and press Save",
        "Activate 'Settings' => Navigated",
        "Toggle 'Auto-update' [Text:Auto-update] q(on) => Checked(Auto-update)",
        "Activate 'Save' => ScreenChanged")]
    [InlineData("Set the timezone to Europe/Oslo",
        "Choose 'timezone' [Text:Europe/Oslo@timezone] => Selected(Europe/Oslo)")]
    [InlineData("Update the display name to \"Ana B.\"",
        "EnterText 'display name' [Text:Ana B.@display name] => ValueSet(Ana B.)")]
    [InlineData("Make my profile private in the Privacy tab",
        "Choose 'profile' [Text:private@profile] in(Privacy tab) => Selected(private)")]
    [InlineData("Keep the album public",
        "Choose 'album' [Text:public@album] => Selected(public)")]
    [InlineData("Make a new folder",
        "Submit 'new folder' => Navigated")]
    [InlineData("In the privacy settings, let only me see my profile",
        "Choose 'who can see profile' [Text:only me@who can see profile] in(privacy settings) => Selected(only me)")]
    [InlineData("Let friends comment on my photos",
        "Choose 'who can comment on photos' [Text:friends@who can comment on photos] => Selected(friends)")]
    [InlineData("Give the product 3 stars and post the review \"Arrived quickly\"",
        "Choose 'rating' [Text:3 stars@rating] => Selected(3 stars)",
        "EnterText 'review' [Text:Arrived quickly@review] => ValueSet(Arrived quickly)",
        "Submit* 'post' => ItemAppeared(Arrived quickly)")]
    [InlineData("Rate the hotel four stars",
        "Choose 'rating' [Text:4 stars@rating] => Selected(4 stars)")]
    public Task A_shopping_or_settings_goal_is_read_as_expected(string goal, params string[] expected) => GoalReading.AssertReadsAsync(goal, expected);
}
