using ActionAgent.Core.Goals;

namespace ActionAgent.Core.Tests.Engine;

public sealed class ChoiceWordsTests
{
    [Theory]
    [InlineData("Only me", "private", true)]
    [InlineData("Just me", "private", true)]
    [InlineData("Anyone with the link", "public", true)]
    [InlineData("Friends only", "only friends", true)]
    [InlineData("Only me", "just me", true)]
    [InlineData("Private", "private", true)]
    [InlineData("Everyone", "private", false)]
    [InlineData("Friends only", "private", false)]
    [InlineData("Only me", "public", false)]
    [InlineData("Friends of friends", "only friends", false)]
    [InlineData("Send invoices by email only", "paperless invoices", true)]
    [InlineData("Send invoices by post", "paperless invoices", false)]
    [InlineData("Send statements by email only", "paperless invoices", false)]
    [InlineData("", "private", false)]
    public void An_option_means_the_state_or_audience_a_goal_names(string option, string wanted, bool means) =>
        Assert.Equal(means, ChoiceWords.Means(option, wanted));

    [Fact]
    public void The_table_lists_what_options_say_for_a_state_and_nothing_for_an_unknown_word()
    {
        Assert.Contains("only me", ChoiceWords.For("Private"));
        Assert.Empty(ChoiceWords.For("purple"));
        Assert.Contains("private", ChoiceWords.States);
    }
}
