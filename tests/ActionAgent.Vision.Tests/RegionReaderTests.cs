using ActionAgent.Vision.Segmentation;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests;

/// <summary>How the region reader splits its crops into strips read in parallel.</summary>
public sealed class RegionReaderTests
{
    [Fact]
    public void Strips_are_balanced_by_reading_cost_not_by_count_and_keep_the_crops_in_order()
    {
        // One long line and many short labels, in screen order: split by count, one strip gets the long line and half the labels.
        double[] costs = [40, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];

        var strips = RegionReader.Balance(Enumerable.Range(0, costs.Length).ToList(), i => costs[i], 2);

        Assert.Equal(2, strips.Count);
        Assert.Equal(Enumerable.Range(0, costs.Length), strips.SelectMany(s => s).Order());
        var totals = strips.Select(s => s.Sum(i => costs[i])).ToList();
        Assert.True(Math.Abs(totals[0] - totals[1]) <= 5, $"strip costs {totals[0]} and {totals[1]}");
        Assert.All(strips, s => Assert.Equal(s.Order(), s));
    }

    [Fact]
    public void A_crop_costs_by_its_letters_not_by_its_size_and_a_blank_one_costs_least()
    {
        using var blank = Crop(1200, 60, "", 1);
        using var bigWord = Crop(1200, 150, "Search", 4);
        using var longLine = Crop(1200, 60, "Low fares to twenty cities, no hidden fees", 1);

        var costs = (Blank: RegionReader.ReadingCost(blank), BigWord: RegionReader.ReadingCost(bigWord), LongLine: RegionReader.ReadingCost(longLine));

        Assert.Equal(1, costs.Blank);
        Assert.True(costs.BigWord > costs.Blank, $"{costs}");
        Assert.True(costs.LongLine > 3 * costs.BigWord, $"{costs}");
    }

    private static Mat Crop(int width, int height, string text, double scale)
    {
        var crop = new Mat(height, width, MatType.CV_8UC1, Scalar.All(255));
        if (text.Length > 0) Cv2.PutText(crop, text, new Point(10, height - 15), HersheyFonts.HersheySimplex, scale, Scalar.All(0), (int)(2 * scale));
        Cv2.Threshold(crop, crop, 127, 255, ThresholdTypes.Binary);
        return crop;
    }
}
