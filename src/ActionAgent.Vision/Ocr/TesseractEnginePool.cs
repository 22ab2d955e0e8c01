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
    private readonly int _size;
    private int _created;
    private int _warming;

    private TesseractEnginePool(TesseractLibrary library, string language, int size)
    {
        _library = library;
        _language = language;
        _size = size;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>The pool for <paramref name="language"/>; throws <see cref="TesseractUnavailableException"/> when the library cannot be loaded.</summary>
    public static TesseractEnginePool For(string language)
    {
        var library = TesseractLibrary.Get();
        return Pools.GetOrAdd(language, l => new Lazy<TesseractEnginePool>(() => Create(library, l, Math.Max(1, Environment.ProcessorCount)))).Value;
    }

    /// <summary>A pool of its own, not the process's (for tests).</summary>
    internal static TesseractEnginePool Create(TesseractLibrary library, string language, int size) => new(library, language, size);

    /// <summary>Runs <paramref name="read"/> on an idle engine, off the caller's thread, waiting for one when all are busy.</summary>
    public async Task<T> RunAsync<T>(Func<TesseractEngine, T> read, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                var engine = _idle.TryTake(out var idle) ? idle : CreateEngine();
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

    /// <summary>
    /// Creates up to <paramref name="engines"/> engines (at most one per processor) on the thread pool, so the first
    /// reads find them warm instead of loading the language model each (a tenth of a second or more, one at a time).
    /// Returns at once and only once per pool. Each engine is made holding a reading slot, as a read would make it,
    /// so the pool never holds more engines than slots; a read that comes meanwhile waits for an engine being made
    /// rather than making another. An engine that cannot be made is left for the first read to report.
    /// </summary>
    public void WarmInBackground(int engines)
    {
        if (Interlocked.Exchange(ref _warming, 1) == 1) return;
        for (var i = 0; i < Math.Min(engines, _size); i++) _ = WarmOneAsync();
    }

    private async Task WarmOneAsync()
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            await Task.Run(() =>
            {
                if (Volatile.Read(ref _created) < _size) _idle.Add(CreateEngine());
            }).ConfigureAwait(false);
        }
        catch (TesseractUnavailableException)
        {
            // The first read makes the engine again and reports why it cannot.
        }
        finally
        {
            _slots.Release();
        }
    }

    // Engines are made only while holding a slot: by a read that found none idle, or by a warm-up while fewer than
    // one per slot exist; so there are never more engines than slots.
    private TesseractEngine CreateEngine()
    {
        var engine = TesseractEngine.Create(_library, _language);
        Interlocked.Increment(ref _created);
        return engine;
    }

    /// <summary>How many engines the pool has made (for tests).</summary>
    internal int Created => Volatile.Read(ref _created);
}
