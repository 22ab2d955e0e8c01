using ActionAgent.Core.Actions;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Tests.Policy;

public sealed class RiskClassifierTests
{
    private static PlanStep Click(string role, string name, string? description = null) =>
        new() { Action = ActionKind.Click, Target = new ElementTarget { Role = role, Name = name }, Description = description };

    [Theory]
    [InlineData("Pay now", "purchase")]
    [InlineData("Place order", "purchase")]
    [InlineData("BookFlight", "purchase")]
    [InlineData("Delete account", "delete")]
    [InlineData("Remove item", "delete")]
    [InlineData("Send message", "send")]
    [InlineData("Sign out everywhere", "sign-out")]
    public void A_button_is_classified_by_its_name_whatever_the_planner_tagged(string name, string category) =>
        Assert.Contains(category, RiskClassifier.Classify(Click("button", name)));

    [Fact]
    public void The_step_description_counts_when_the_name_says_nothing()
    {
        Assert.Contains("purchase", RiskClassifier.Classify(Click("button", "Continue", "pay for the booking")));
    }

    [Theory]
    [InlineData("textbox", "Order number")]
    [InlineData("button", "Search flights")]
    [InlineData("link", "Payment options help")]
    public void Fields_and_harmless_buttons_are_not_risky(string role, string name) =>
        Assert.Empty(RiskClassifier.Classify(Click(role, name)));

    [Fact]
    public void Filling_a_field_is_not_risky_but_pressing_Enter_in_it_is_judged()
    {
        var fill = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Label = "Delete reason" }, Value = "x" };
        var enter = new PlanStep { Action = ActionKind.Press, Target = new ElementTarget { Role = "button", Name = "Pay" }, Value = "Enter" };
        Assert.Empty(RiskClassifier.Classify(fill));
        Assert.Contains("purchase", RiskClassifier.Classify(enter));
    }
}
