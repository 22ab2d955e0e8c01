using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Tests.Actions;

public sealed class TargetSyntaxTests
{
    public static TheoryData<string, ElementTarget> Prefixed => new()
    {
        { "css=.booking-ref", new ElementTarget { Css = ".booking-ref" } },
        { "xpath=//button[@id='go']", new ElementTarget { XPath = "//button[@id='go']" } },
        { "text=Search flights", new ElementTarget { Text = "Search flights" } },
        { "text=\"Search\"", new ElementTarget { Text = "Search", Exact = true } },
        { "label=Card number", new ElementTarget { Label = "Card number" } },
        { "placeholder=Email", new ElementTarget { Placeholder = "Email" } },
        { "ref=e12", new ElementTarget { Ref = "e12" } },
        { "testid=pay-button", new ElementTarget { TestId = "pay-button" } },
        { "role=button", new ElementTarget { Role = "button" } },
        { "role=button[name=\"Pay\"]", new ElementTarget { Role = "button", Name = "Pay" } },
        { "role=option[name='London (LHR)'][exact]", new ElementTarget { Role = "option", Name = "London (LHR)", Exact = true } },
        { "role=button[name=\"Say \\\"hi\\\"\"]", new ElementTarget { Role = "button", Name = "Say \"hi\"" } },
    };

    [Theory]
    [MemberData(nameof(Prefixed))]
    public void Prefixed_string_parses_to_its_target_layer(string text, ElementTarget expected)
    {
        Assert.Equal(expected, TargetSyntax.Parse(text));
    }

    [Theory]
    [InlineData("the cheapest flight's Select button")]
    [InlineData("name=Pay")]
    [InlineData("Accept all")]
    public void String_without_a_known_prefix_is_a_description(string text)
    {
        Assert.Equal(ElementTarget.Describe(text), TargetSyntax.Parse(text));
    }

    [Theory]
    [InlineData("role=button[name=\"Pay\"")]
    [InlineData("role=button[name=Pay]")]
    [InlineData("role=button[label=\"Pay\"]")]
    [InlineData("role=")]
    [InlineData("css=")]
    [InlineData("   ")]
    public void Malformed_target_string_is_refused_with_a_reason(string text)
    {
        Assert.False(TargetSyntax.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Parse_throws_FormatException_for_a_malformed_target()
    {
        Assert.Throws<FormatException>(() => TargetSyntax.Parse("role=button[name="));
    }

    [Theory]
    [MemberData(nameof(Prefixed))]
    public void Format_writes_what_Parse_reads(string text, ElementTarget target)
    {
        _ = text;
        Assert.Equal(target, TargetSyntax.Parse(TargetSyntax.Format(target)));
    }
}
