using ActionAgent.Core.Ports;
using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Segmentation;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace ActionAgent.Vision;

/// <summary>
/// The ONNX visual locator: a segmentation model file the user supplies (a SAM-style mask decoder exported with the
/// image as input, or any model giving mask logits). Pre-processing resizes and normalises the screenshot to the
/// model's NCHW input; post-processing thresholds each mask, splits it into connected components and maps their boxes
/// back to the screenshot. Text in the regions is read with OCR so text prompts work as with the embedded locator.
/// </summary>
public sealed class OnnxSegmentationLocator : IElementLocator, IDisposable
{
    private readonly InferenceSession _session;
    private readonly OnnxSegmentationOptions _options;
    private readonly ITextEmbedder? _embedder;
    private readonly RegionReader? _reader;
    private readonly string _inputName;
    private readonly int _height;
    private readonly int _width;

    /// <summary>Loads the model; with <paramref name="vision"/> null, regions are not read (point, box and "everything" prompts only).</summary>
    public OnnxSegmentationLocator(OnnxSegmentationOptions options, ITextEmbedder? embedder = null, VisionOptions? vision = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ModelPath)) throw new FileNotFoundException($"The segmentation model '{options.ModelPath}' does not exist.", options.ModelPath);
        _options = options;
        _embedder = embedder;
        _reader = vision is null ? null : new RegionReader(vision.CreateOcr(), vision);
        _session = new InferenceSession(options.ModelPath);
        var (name, meta) = _session.InputMetadata.First();
        _inputName = name;
        var dims = meta.Dimensions;
        if (dims.Length != 4 || (dims[1] != 3 && dims[1] > 0))
        {
            throw new InvalidOperationException($"The model's input '{name}' has shape [{string.Join(",", dims)}]; an NCHW image with 3 channels is expected.");
        }
        _height = dims[2] > 0 ? dims[2] : options.DefaultInputSize;
        _width = dims[3] > 0 ? dims[3] : options.DefaultInputSize;
    }

    /// <inheritdoc />
    public string Name => $"onnx:{Path.GetFileNameWithoutExtension(_options.ModelPath)}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<LocatedElement>> LocateAsync(LocateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var bgr = Cv2.ImDecode(request.Screenshot, ImreadModes.Color);
        if (bgr.Empty()) throw new ArgumentException("The screenshot is not a readable image.", nameof(request));
        var found = Segment(bgr);
        var texts = _reader is null ? null : await _reader.ReadAsync(bgr, found.Select(f => f.Rect).ToList(), cancellationToken).ConfigureAwait(false);
        var regions = found.Select((f, i) => new UiRegion(UiSegmenter.ToBox(f.Rect), "region", texts?[i].Text ?? "")).ToList();
        if (request.Everything)
        {
            return [.. found.Select((f, i) => new LocatedElement(regions[i].Box, regions[i].Text.Length == 0 ? null : regions[i].Text, Math.Round(f.Score, 3), "region"))
                .OrderByDescending(e => e.Score).Take(request.MaxResults)];
        }
        return await RegionRanker.RankAsync(regions, request, _embedder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the model and turns its masks into boxes in screenshot pixels, each with its mean mask probability.</summary>
    internal IReadOnlyList<(Rect Rect, double Score)> Segment(Mat bgr)
    {
        var input = Preprocess(bgr);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var output = results.First().AsTensor<float>();
        var dims = output.Dimensions.ToArray();
        if (dims.Length < 2) throw new InvalidOperationException($"The model's output has shape [{string.Join(",", dims)}]; masks [..,H,W] are expected.");
        int h = dims[^2], w = dims[^1];
        var count = (int)(output.Length / (h * (long)w));
        var values = output.ToArray();
        var regions = new List<(Rect, double)>();
        for (var m = 0; m < count; m++)
        {
            using var probability = new Mat(h, w, MatType.CV_32FC1);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var v = values[(m * h * w) + (y * w) + x];
                    probability.Set(y, x, _options.OutputIsLogits ? 1f / (1f + MathF.Exp(-v)) : v);
                }
            }
            regions.AddRange(Components(probability, bgr.Width, bgr.Height));
        }
        return regions;
    }

    /// <summary>Resize to the model's size, BGR to RGB, scale to 0–1, normalise per channel, lay out as NCHW.</summary>
    internal DenseTensor<float> Preprocess(Mat bgr)
    {
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(_width, _height), 0, 0, InterpolationFlags.Area);
        var tensor = new DenseTensor<float>([1, 3, _height, _width]);
        for (var y = 0; y < _height; y++)
        {
            for (var x = 0; x < _width; x++)
            {
                var pixel = resized.At<Vec3b>(y, x);
                for (var c = 0; c < 3; c++)
                {
                    var value = pixel[2 - c] / 255f; // channel c of RGB is index 2-c of BGR
                    tensor[0, c, y, x] = (value - _options.Mean[c]) / _options.Std[c];
                }
            }
        }
        return tensor;
    }

    private IEnumerable<(Rect, double)> Components(Mat probability, int imageWidth, int imageHeight)
    {
        using var full = new Mat();
        Cv2.Resize(probability, full, new Size(imageWidth, imageHeight), 0, 0, InterpolationFlags.Linear);
        using var mask = new Mat();
        Cv2.Threshold(full, mask, _options.Threshold, 255, ThresholdTypes.Binary);
        using var mask8 = new Mat();
        mask.ConvertTo(mask8, MatType.CV_8UC1);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var n = Cv2.ConnectedComponentsWithStats(mask8, labels, stats, centroids);
        for (var label = 1; label < n; label++)
        {
            var area = stats.At<int>(label, (int)ConnectedComponentsTypes.Area);
            if (area < _options.MinArea) continue;
            var rect = new Rect(stats.At<int>(label, 0), stats.At<int>(label, 1), stats.At<int>(label, 2), stats.At<int>(label, 3));
            using var component = new Mat();
            Cv2.InRange(labels, new Scalar(label), new Scalar(label), component);
            var score = Cv2.Mean(full, component).Val0;
            yield return (rect, score);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
