namespace ActionAgent.Desktop.AtSpi;

/// <summary>An AT-SPI state set: 64 bits sent as two 32-bit words.</summary>
internal readonly record struct AtSpiStates(ulong Bits)
{
    public static AtSpiStates FromWords(uint[] words) =>
        new(words.Length switch
        {
            0 => 0UL,
            1 => words[0],
            _ => words[0] | ((ulong)words[1] << 32),
        });

    public bool Has(AtSpiState state) => (Bits & (1UL << (int)state)) != 0;

    /// <summary>Shown on the screen: visible and showing (not on a hidden page or a closed menu).</summary>
    public bool IsShowing => Has(AtSpiState.Showing) && Has(AtSpiState.Visible);

    public bool IsEnabled => Has(AtSpiState.Enabled) || Has(AtSpiState.Sensitive);

    public AtSpiStates With(AtSpiState state) => new(Bits | (1UL << (int)state));

    public AtSpiStates Without(AtSpiState state) => new(Bits & ~(1UL << (int)state));
}
