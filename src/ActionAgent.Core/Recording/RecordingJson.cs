using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionAgent.Core.Recording;

/// <summary>The JSON settings of recording files: camelCase, nulls left out, indented for readable diffs.</summary>
public static class RecordingJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Enums as their kebab-case words (outcomes, verdicts, kinds); a number in their place is refused, not read as a member:
        // a recording may come from someone else, and no file this project writes has one.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads a recording file.</summary>
    public static async Task<RecordingDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<RecordingDocument>(stream, Options, cancellationToken).ConfigureAwait(false)
                   ?? throw new InvalidDataException($"{path}: the file is empty or not a recording.");
        }
    }
}
