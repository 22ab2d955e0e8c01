using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// A black-and-white image packed at one bit per pixel, as tesseract's <c>SetImage</c> takes it with 0 bytes per pixel:
/// rows of <see cref="BytesPerLine"/> bytes, the leftmost pixel in the highest bit, a set bit white. Given so, tesseract
/// uses the pixels as its binary image instead of thresholding them again (Otsu over the whole image, about a tenth of
/// a read of the region reader's strips).
/// </summary>
internal sealed class OneBitImage
{
    private OneBitImage(byte[] bits, int width, int height, int bytesPerLine)
    {
        Bits = bits;
        Width = width;
        Height = height;
        BytesPerLine = bytesPerLine;
    }

    public byte[] Bits { get; }

    public int Width { get; }

    public int Height { get; }

    public int BytesPerLine { get; }

    /// <summary>Packs an 8-bit grey image whose pixels are black (0) or white (255); a pixel of 128 or more counts as white.</summary>
    public static unsafe OneBitImage Pack(Mat binary)
    {
        if (binary.Type() != MatType.CV_8UC1) throw new ArgumentException("An 8-bit grey image is expected.", nameof(binary));
        int width = binary.Width, height = binary.Height;
        var bytesPerLine = (width + 7) / 8;
        var bits = new byte[bytesPerLine * height];
        var step = (int)binary.Step();
        var source = (byte*)binary.Data;
        for (var y = 0; y < height; y++)
        {
            var row = new ReadOnlySpan<byte>(source + ((long)y * step), width);
            var packed = bits.AsSpan(y * bytesPerLine, bytesPerLine);
            var whole = width / 8;
            var eights = MemoryMarshal.Cast<byte, ulong>(row[..(whole * 8)]);
            for (var i = 0; i < whole; i++) packed[i] = PackEight(eights[i]);
            if (whole == bytesPerLine) continue;
            // The last pixels of the row; the bits past the row's end are white, as tesseract pads them.
            var last = 0xFF;
            for (var x = whole * 8; x < width; x++)
            {
                if (row[x] < 128) last &= ~(0x80 >> (x - (whole * 8)));
            }
            packed[whole] = (byte)last;
        }
        return new OneBitImage(bits, width, height, bytesPerLine);
    }

    /// <summary>
    /// Writes the pixels in Leptonica's one-bit layout: rows of <paramref name="wordsPerLine"/> 32-bit words, the
    /// leftmost pixel in a word's highest bit, a set bit black (the opposite of <see cref="Bits"/>), the bits past the
    /// row's end clear. The bits of tesseract's own copy from a raw buffer, without its pixel-by-pixel loop.
    /// </summary>
    public void CopyToLeptonica(Span<uint> words, int wordsPerLine)
    {
        if (wordsPerLine * 4 < BytesPerLine) throw new ArgumentOutOfRangeException(nameof(wordsPerLine), wordsPerLine, "A row does not fit.");
        if (words.Length < wordsPerLine * Height) throw new ArgumentException("The image does not fit.", nameof(words));
        var whole = BytesPerLine / 4; // words filled from four packed bytes
        Span<byte> tail = stackalloc byte[4];
        for (var y = 0; y < Height; y++)
        {
            var packed = Bits.AsSpan(y * BytesPerLine, BytesPerLine);
            var row = words.Slice(y * wordsPerLine, wordsPerLine);
            for (var i = 0; i < whole; i++) row[i] = ~BinaryPrimitives.ReadUInt32BigEndian(packed.Slice(i * 4, 4));
            var rest = BytesPerLine - (whole * 4);
            var next = whole;
            if (rest > 0)
            {
                // Bytes past the packed row count as white, as the padding bits inside it already are.
                tail.Fill(0xFF);
                packed[(whole * 4)..].CopyTo(tail);
                row[next++] = ~BinaryPrimitives.ReadUInt32BigEndian(tail);
            }
            row[next..].Clear();
        }
    }

    // Eight pixels to one byte, the first pixel in its highest bit: the pixels in reading order from the highest byte
    // down (the first pixel's top bit is then bit 63), each pixel's top bit, gathered into the top byte by one
    // multiplication (the shifts 0, 7, 14, … 49 put pixel i's bit at 63 − i, and no two partial products share a bit).
    private static byte PackEight(ulong eight)
    {
        var ordered = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(eight) : eight;
        return (byte)(((ordered & 0x8080808080808080UL) * 0x0002040810204081UL) >> 56);
    }
}
