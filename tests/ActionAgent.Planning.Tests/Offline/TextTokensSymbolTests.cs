using ActionAgent.Planning.Offline;

namespace ActionAgent.Planning.Tests.Offline;

public sealed class TextTokensSymbolTests
{
    [Theory]
    [InlineData("=", "=")]
    [InlineData("= =", "= =")]
    [InlineData("×", "×")]
    public void A_label_of_symbols_only_is_matched_by_its_symbols(string label, string words) =>
        Assert.Equal(words.Split(' '), TextTokens.Words(label));

    [Fact]
    public void Symbols_beside_words_are_still_dropped() =>
        Assert.Equal(["save", "as"], TextTokens.Words("Save As..."));
}
