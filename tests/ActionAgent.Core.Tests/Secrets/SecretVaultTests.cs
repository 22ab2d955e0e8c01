using ActionAgent.Core.Secrets;

namespace ActionAgent.Core.Tests.Secrets;

public sealed class SecretVaultTests
{
    private static readonly SecretVault Vault = new(new Dictionary<string, string> { ["card"] = "4242424242424242", ["pin"] = "s3cr3t" });

    [Theory]
    [InlineData("card 4242424242424242 ok")]
    [InlineData("card 4242 4242 4242 4242 ok")]
    [InlineData("card 4242-4242-4242-4242 ok")]
    public void A_card_number_is_masked_however_it_is_grouped(string text) =>
        Assert.Equal("card ******** ok", Vault.Mask(text));

    [Fact]
    public void Other_numbers_are_left_alone() =>
        Assert.Equal("total 4242 EUR, ref 424242", Vault.Mask("total 4242 EUR, ref 424242"));

    [Fact]
    public void A_text_secret_is_masked_wherever_it_appears() =>
        Assert.Equal("the pin is ********.", Vault.Mask("the pin is s3cr3t."));
}

public sealed class SecretVaultSpellingTests
{
    private static readonly SecretVault Vault = new(new Dictionary<string, string> { ["password"] = "P@ss word&<1>", ["card"] = "4242424242424242" });

    [Theory]
    [InlineData("q=P%40ss%20word%26%3C1%3E")]
    [InlineData("q=p%40ss%20word%26%3c1%3e")]
    [InlineData("q=P%40ss+word%26%3C1%3E")]
    [InlineData("<b>P@ss word&amp;&lt;1&gt;</b>")]
    [InlineData("\"P@ss word\\u0026\\u003C1\\u003E\"")]
    [InlineData("PASS: p@SS WORD&<1>")]
    [InlineData("card=4242%204242%204242%204242")]
    [InlineData("card 4242.4242.4242.4242")]
    public void Masking_catches_url_encoded_html_escaped_json_escaped_case_changed_and_regrouped_copies(string text)
    {
        var masked = Vault.Mask(text);
        Assert.Contains(SecretVault.MaskText, masked);
        Assert.False(Vault.Leaks(masked));
        Assert.DoesNotContain("4242", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("ss word", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ss%20word", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ss+word", masked, StringComparison.OrdinalIgnoreCase);
    }
}
