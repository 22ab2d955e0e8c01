using ActionAgent.Vision.Ocr;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests;

/// <summary>
/// Each warm engine reads on one thread: the engines already run in parallel, one per core, and tesseract's own
/// OpenMP teams on top of them (4 threads per text line in its LSTM) multiplied the CPU a read costs several times.
/// </summary>
public sealed class OcrThreadTests
{
    [Fact]
    public void An_in_process_read_runs_on_the_reading_thread_alone_without_starting_OpenMP_threads()
    {
        const string name = "ocr-one-thread"; // at most 15 characters: the kernel's limit for a thread's name
        var words = new List<OcrWord>();
        var threadsNamedSo = 0;
        Exception? failure = null;
        // Threads started from a thread inherit its kernel name, so tesseract's OpenMP workers would carry this one.
        var reader = new Thread(() =>
        {
            try
            {
                using var engine = TesseractEngine.Create(TesseractLibrary.Get(), "eng");
                using var image = new Mat(120, 900, MatType.CV_8UC1, Scalar.All(255));
                Cv2.PutText(image, "Search flights from London", new Point(20, 80), HersheyFonts.HersheySimplex, 1.6, Scalar.All(0), 3);
                words.AddRange(TesseractOcr.Parse(engine.ReadTsv(image.Data, image.Width, image.Height, 1, (int)image.Step(), 11)));
                threadsNamedSo = ThreadsNamed(name); // while the reader lives: OpenMP keeps a thread's team until it ends
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { Name = name };

        reader.Start();
        reader.Join();

        Assert.Null(failure);
        Assert.Contains(words, w => w.Text == "flights");
        Assert.Equal(1, threadsNamedSo);
    }

    // A thread of the process (a test runner's, the thread pool's) may end between the listing and the read: it is not
    // one of the reader's, so it does not count.
    private static int ThreadsNamed(string name) =>
        Directory.GetDirectories("/proc/self/task").Count(task => CommOf(task) == name);

    private static string? CommOf(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
        }
        catch (IOException) // the task directory is gone
        {
            return null;
        }
    }
}
