using System.Collections.Concurrent;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// The process's warm tesseract engines for one language: created on first need (loading a language model takes a
/// tenth of a second or more), at most one per processor, each lent to one reader at a time, and kept for the
/// process's lifetime (they are what makes the next read fast).
/// </summary>
internal sealed class TesseractEnginePool
{
    private static readonly ConcurrentDictionary<string, Lazy<TesseractEnginePool>> Pools = new(StringComparer.Ordinal);

    private readonly TesseractLibrary _library;
    private readonly string _language;
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly SemaphoreSlim _slots;

    private TesseractEnginePool(TesseractLibrary library, string language, int size)
    {
        _library = library;
        _language = language;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>The pool for <paramref name="language"/>; throws <see cref="TesseractUnavailableException"/> when the library cannot be loaded.</summary>
    public static TesseractEnginePool For(string language)
    {
        var library = TesseractLibrary.Get();
        return Pools.GetOrAdd(language, l => new Lazy<TesseractEnginePool>(() => new TesseractEnginePool(library, l, Math.Max(1, Environment.ProcessorCount)))).Value;
    }

    /// <summary>Runs <paramref name="read"/> on an idle engine, off the caller's thread, waiting for one when all are busy.</summary>
    public async Task<T> RunAsync<T>(Func<TesseractEngine, T> read, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                var engine = _idle.TryTake(out var idle) ? idle : TesseractEngine.Create(_library, _language);
                try
                {
                    return read(engine);
                }
                finally
                {
                    _idle.Add(engine);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
