using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace ActionAgent.Cli.Tests.Safety.Fuzz;

/// <summary>
/// Runs one loader over thousands of generated inputs: each must finish within a few seconds (no hang), raise no
/// exception but the loader's documented one (no crash), and leave the process's managed memory bounded. Reports
/// how many inputs it tried, and how many the loader accepted or rejected, to the test output.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>Inputs per loader: thousands, bounded so each fuzz test stays well under a minute on two cores.</summary>
    public const int Iterations = 3000;

    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);
    private const long MemoryBound = 1L << 30;

    public static void Run<T>(ITestOutputHelper output, string loader, Gen<T> inputs, Func<T, bool> load, Func<T, string>? print = null)
    {
        var tried = 0;
        var accepted = 0;
        var slowest = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        inputs.Sample(input =>
        {
            var started = Stopwatch.GetTimestamp();
            var attempt = Task.Run(() => load(input));
            if (!attempt.Wait(PerInput)) throw new TimeoutException($"{loader} did not finish within {PerInput.TotalSeconds} s on one input");
            var took = Stopwatch.GetElapsedTime(started);
            if (took > slowest) slowest = took;
            Interlocked.Increment(ref tried);
            if (attempt.Result) Interlocked.Increment(ref accepted);
            var memory = GC.GetTotalMemory(false);
            if (memory > MemoryBound) throw new InvalidOperationException($"{loader} left {memory / (1024 * 1024)} MB of managed memory in use");
        }, iter: Iterations, threads: 1, print: print);
        watch.Stop();
        var message = $"fuzz {loader}: tried {tried} inputs ({accepted} accepted, {tried - accepted} rejected with an error) in {watch.Elapsed.TotalSeconds:0.0} s; slowest input {slowest.TotalMilliseconds:0} ms";
        output.WriteLine(message);
        Console.WriteLine(message);
        Assert.Equal(Iterations, tried);
    }
}
