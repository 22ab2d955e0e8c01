using ActionAgent.Core.Actions;
using ActionAgent.Planning.Offline;

namespace ActionAgent.Planning.Tests.Offline;

public sealed class PlainCommandParserTests
{
    [Fact]
    public void Clauses_joined_by_commas_and_then_become_commands_in_order()
    {
        Assert.True(PlainCommandParser.TryParse("type Ada into the first name field, select \"Blue\" from Colour and then click Save", out var commands));

        Assert.Equal(
            [(ActionKind.Type, "the first name field", "Ada"), (ActionKind.Select, "Colour", "Blue"), (ActionKind.Click, "Save", null)],
            commands.Select(c => (c.Action, c.Target, c.Value)).ToList());
    }

    [Theory]
    [InlineData("click the Sign in button", ActionKind.Click, "the Sign in button", null)]
    [InlineData("enter ada@example.com in Email", ActionKind.Fill, "Email", "ada@example.com")]
    [InlineData("fill Name with \"Ada Lovelace\"", ActionKind.Fill, "Name", "Ada Lovelace")]
    [InlineData("check Remember me", ActionKind.Check, "Remember me", null)]
    [InlineData("untick the newsletter checkbox", ActionKind.Uncheck, "the newsletter checkbox", null)]
    [InlineData("press Enter", ActionKind.Press, null, "Enter")]
    [InlineData("press the Submit button", ActionKind.Click, "the Submit button", null)]
    [InlineData("go to /settings", ActionKind.Goto, null, "/settings")]
    [InlineData("scroll to the footer", ActionKind.Scroll, "the footer", null)]
    [InlineData("choose Large from the size list", ActionKind.Select, "the size list", "Large")]
    public void Each_clause_form_is_understood(string clause, ActionKind action, string? target, string? value)
    {
        var command = PlainCommandParser.ParseClause(clause);

        Assert.Equal((action, target, value), (command!.Action, command.Target, command.Value));
    }

    [Fact]
    public void Commas_inside_quotes_do_not_split()
    {
        Assert.True(PlainCommandParser.TryParse("type \"Lovelace, Ada\" into Name and press Enter", out var commands));

        Assert.Equal("Lovelace, Ada", commands[0].Value);
        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public void A_goal_that_is_not_commands_is_refused() =>
        Assert.False(PlainCommandParser.TryParse("Book the cheapest flight from London to Paris on 24 December", out _));
}
