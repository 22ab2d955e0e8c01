using System.Globalization;
using System.Text;
using ActionAgent.Core.Ports;
using SkiaSharp;

namespace ActionAgent.Vision.Marks;

/// <summary>
/// Set-of-marks prompting: the screenshot with a numbered box over each region, and a legend, so a planner model
/// can answer "click 7" instead of guessing coordinates.
/// </summary>
public static class SetOfMarks
{
    private static readonly SKColor[] Palette =
    [
        new(0xE6, 0x19, 0x4B), new(0x3C, 0xB4, 0x4B), new(0x43, 0x63, 0xD8), new(0xF5, 0x82, 0x31),
        new(0x91, 0x1E, 0xB4), new(0x00, 0x80, 0x80), new(0xA0, 0x52, 0x2D), new(0xF0, 0x32, 0xE6),
    ];

    /// <summary>Draws numbered boxes (from 1, in the order given) on a PNG screenshot.</summary>
    public static SetOfMarksImage Render(byte[] screenshot, IReadOnlyList<LocatedElement> regions)
    {
        ArgumentNullException.ThrowIfNull(screenshot);
        ArgumentNullException.ThrowIfNull(regions);
        using var bitmap = SKBitmap.Decode(screenshot) ?? throw new ArgumentException("The screenshot is not a readable image.", nameof(screenshot));
        using var canvas = new SKCanvas(bitmap);
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var font = new SKFont(SKTypeface.Default, 13);
        using var label = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var marks = new List<Mark>(regions.Count);
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var number = i + 1;
            var colour = Palette[i % Palette.Length];
            var rect = SKRect.Create((float)region.Box.X, (float)region.Box.Y, (float)region.Box.Width, (float)region.Box.Height);
            stroke.Color = colour;
            canvas.DrawRect(rect, stroke);
            var tag = number.ToString(CultureInfo.InvariantCulture);
            var width = font.MeasureText(tag) + 6;
            var top = rect.Top >= 16 ? rect.Top - 16 : rect.Top;
            fill.Color = colour;
            canvas.DrawRect(SKRect.Create(rect.Left, top, width, 16), fill);
            canvas.DrawText(tag, rect.Left + 3, top + 13, SKTextAlign.Left, font, label);
            marks.Add(new Mark(number, region));
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new SetOfMarksImage(png.ToArray(), marks);
    }
}

/// <summary>An annotated screenshot and what each number stands for.</summary>
/// <param name="Png">The screenshot with numbered boxes.</param>
/// <param name="Marks">The numbered regions.</param>
public sealed record SetOfMarksImage(byte[] Png, IReadOnlyList<Mark> Marks)
{
    /// <summary>The legend as lines a prompt can carry: <c>[3] button "Pay" at 200,240,140,48</c>.</summary>
    public string Legend()
    {
        var text = new StringBuilder();
        foreach (var mark in Marks)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{mark.Number}] {mark.Element.Kind ?? "region"}");
            if (!string.IsNullOrEmpty(mark.Element.Text)) text.Append(CultureInfo.InvariantCulture, $" \"{mark.Element.Text}\"");
            text.Append(CultureInfo.InvariantCulture, $" at {mark.Element.Box}").Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The region a number refers to, or null.</summary>
    public LocatedElement? Find(int number) => number >= 1 && number <= Marks.Count ? Marks[number - 1].Element : null;
}

/// <summary>One numbered region.</summary>
/// <param name="Number">Its number on the image, from 1.</param>
/// <param name="Element">The region.</param>
public sealed record Mark(int Number, LocatedElement Element);
