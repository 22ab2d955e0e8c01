using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Actions;

namespace ActionAgent.Vision.Ocr;

/// <summary>Runs the tesseract CLI on a PNG (through stdin) and parses its TSV word boxes.</summary>
public sealed class TesseractOcr(string executable = "tesseract", string language = "eng")
{
    /// <summary>Reads the words of a PNG. <paramref name="pageSegmentation"/> is tesseract's --psm (11: sparse text, 6: a block).</summary>
    public async Task<IReadOnlyList<OcrWord>> ReadAsync(byte[] png, int pageSegmentation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "stdin", "stdout", "-l", language, "--psm", pageSegmentation.ToString(CultureInfo.InvariantCulture), "tsv" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["OMP_THREAD_LIMIT"] = "1"; // one thread per process: we run batches in parallel instead.
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"OCR needs tesseract ({executable}), which could not be started: {e.Message}. Install it with: apt-get install tesseract-ocr", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.BaseStream.WriteAsync(png, cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var tsv = await output.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            return Parse(tsv);
        }
    }

    /// <summary>Parses tesseract's TSV output into words (level 5 rows with text).</summary>
    public static IReadOnlyList<OcrWord> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var words = new List<OcrWord>();
        foreach (var line in tsv.Split('\n'))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || cells[0] != "5") continue;
            var text = cells[11].Trim();
            if (text.Length == 0) continue;
            if (!double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0) continue;
            var n = new int[4];
            for (var i = 0; i < 4; i++) n[i] = int.Parse(cells[6 + i], CultureInfo.InvariantCulture);
            words.Add(new OcrWord(text, new BoundingBox(n[0], n[1], n[2], n[3]), confidence, $"{cells[2]}.{cells[3]}.{cells[4]}"));
        }
        return words;
    }
}
