using ActionAgent.Vision.Ocr;

namespace ActionAgent.Vision.Tests;

public sealed class TesseractEnginePoolTests
{
    [Fact]
    public async Task Warming_makes_one_engine_per_slot_that_reads_then_use_without_making_more()
    {
        var pool = TesseractEnginePool.Create(TesseractLibrary.Get(), "eng", 2);

        pool.WarmInBackground(2);
        pool.WarmInBackground(2); // once per pool
        var warmed = await WhenAsync(() => pool.Created == 2);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => pool.RunAsync(_ => 0, CancellationToken.None)));

        Assert.True(warmed, $"{pool.Created} engines made in the background");
        Assert.Equal(2, pool.Created);
    }

    [Fact]
    public async Task Warming_asks_for_no_more_engines_than_it_is_told()
    {
        var pool = TesseractEnginePool.Create(TesseractLibrary.Get(), "eng", 2);

        pool.WarmInBackground(1);
        var warmed = await WhenAsync(() => pool.Created >= 1);
        await pool.RunAsync(_ => 0, CancellationToken.None);

        Assert.True(warmed);
        Assert.Equal(1, pool.Created);
    }

    // Waits (up to a minute, for a loaded machine) for the background work; how long it took is not the question.
    private static async Task<bool> WhenAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(100);
        return condition();
    }
}
