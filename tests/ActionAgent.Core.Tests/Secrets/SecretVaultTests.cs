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
