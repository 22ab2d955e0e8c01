namespace ActionAgent.Vision.Tests;

/// <summary>
/// Writes a tiny but valid ONNX model by hand (protobuf wire format): one 1×1 Conv that averages the RGB channels and
/// maps brightness to mask logits, k·(mean − 0.5). White regions come out as masks; no download, no python.
/// </summary>
internal static class TinyOnnxModel
{
    public static string Write(int size, float gain = 20f)
    {
        var weights = Tensor("w", [1, 3, 1, 1], [gain / 3, gain / 3, gain / 3]);
        var bias = Tensor("b", [1], [-gain / 2]);
        var node = Concat(Str(1, "image"), Str(1, "w"), Str(1, "b"), Str(2, "mask"), Str(3, "conv"), Str(4, "Conv"));
        var graph = Concat(
            Field(1, node), Str(2, "tiny-mask"), Field(5, weights), Field(5, bias),
            Field(11, ValueInfo("image", [1, 3, size, size])), Field(12, ValueInfo("mask", [1, 1, size, size])));
        var opset = Concat(Str(1, ""), Varint(2, 13));
        var model = Concat(Varint(1, 8), Str(2, "actionagent-tests"), Field(7, graph), Field(8, opset));
        var path = Path.Combine(Path.GetTempPath(), $"tiny-mask-{size}-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model);
        return path;
    }

    private static byte[] Tensor(string name, long[] dims, float[] values)
    {
        var parts = dims.Select(d => Varint(1, d)).ToList();
        parts.Add(Varint(2, 1)); // FLOAT
        parts.Add(Field(4, values.SelectMany(BitConverter.GetBytes).ToArray())); // packed float_data
        parts.Add(Str(8, name));
        return Concat([.. parts]);
    }

    private static byte[] ValueInfo(string name, long[] shape)
    {
        var dims = Concat([.. shape.Select(d => Field(1, Varint(1, d)))]);
        var tensorType = Concat(Varint(1, 1), Field(2, dims));
        return Concat(Str(1, name), Field(2, Field(1, tensorType)));
    }

    private static byte[] Str(int field, string value) => Field(field, System.Text.Encoding.UTF8.GetBytes(value));

    private static byte[] Field(int field, byte[] payload) => Concat(Raw((ulong)((field << 3) | 2)), Raw((ulong)payload.Length), payload);

    private static byte[] Varint(int field, long value) => Concat(Raw((ulong)(field << 3)), Raw((ulong)value));

    private static byte[] Raw(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
