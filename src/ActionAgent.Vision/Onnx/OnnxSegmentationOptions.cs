namespace ActionAgent.Vision;

/// <summary>How <see cref="OnnxSegmentationLocator"/> feeds a segmentation model and reads its masks.</summary>
public sealed record OnnxSegmentationOptions
{
    /// <summary>The model file (.onnx) the user supplies: input NCHW float RGB, output mask logits [1,N,H,W] (or [1,H,W]).</summary>
    public required string ModelPath { get; init; }

    /// <summary>The input size when the model's is dynamic. <value>The default value is 1024 (SAM's).</value></summary>
    public int DefaultInputSize { get; init; } = 1024;

    /// <summary>Per-channel mean (RGB, on 0–1 values) subtracted before the model. <value>The default value is 0, 0, 0.</value></summary>
    public IReadOnlyList<float> Mean { get; init; } = [0f, 0f, 0f];

    /// <summary>Per-channel standard deviation (RGB) the values are divided by. <value>The default value is 1, 1, 1.</value></summary>
    public IReadOnlyList<float> Std { get; init; } = [1f, 1f, 1f];

    /// <summary>Whether the output is logits (a sigmoid is applied) rather than probabilities. <value>The default value is <c>true</c>.</value></summary>
    public bool OutputIsLogits { get; init; } = true;

    /// <summary>The probability above which a pixel belongs to a mask. <value>The default value is 0.5.</value></summary>
    public float Threshold { get; init; } = 0.5f;

    /// <summary>The least area, in screenshot pixels, of a region kept. <value>The default value is 64.</value></summary>
    public int MinArea { get; init; } = 64;
}
