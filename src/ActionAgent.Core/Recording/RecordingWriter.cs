using System.Text.Json;
using System.Text.Json.Nodes;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Recording;

/// <summary>
/// Writes a recording folder: <c>recording.json</c> (rewritten after every step, atomically, so a killed run
/// still leaves a readable file) and artifacts under <c>shots/</c>.
/// </summary>
public sealed class RecordingWriter : IRecordingSink
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RecordingDocument? _document;

    /// <summary>Creates a writer for a folder (created if missing).</summary>
    public RecordingWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "shots"));
    }

    /// <summary>The recording folder.</summary>
    public string Directory { get; }

    /// <summary>The path of <c>recording.json</c>.</summary>
    public string DocumentPath => Path.Combine(Directory, "recording.json");

    /// <summary>
    /// The run's secrets: the whole file is masked through them as it is written (defence in depth: the engine masks
    /// every field it records, and this catches any it missed). <value>The default value is an empty vault.</value>
    /// </summary>
    public Secrets.SecretVault Secrets { get; set; } = ActionAgent.Core.Secrets.SecretVault.Empty;

    /// <summary>The document as written so far.</summary>
    public RecordingDocument? Document => _document;

    /// <inheritdoc />
    public async Task BeginAsync(RecordingHeader header, CancellationToken cancellationToken)
    {
        _document = new RecordingDocument { Header = header };
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> SaveArtifactAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var relative = Path.Combine("shots", name).Replace('\\', '/');
        await AtomicFile.WriteAllBytesAsync(Path.Combine(Directory, relative), content, cancellationToken).ConfigureAwait(false);
        return relative;
    }

    /// <inheritdoc />
    public async Task AppendStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        Started().Steps.Add(step);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AppendPlanEventAsync(PlanEvent planEvent, CancellationToken cancellationToken)
    {
        Started().PlanEvents.Add(planEvent);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        Started().Summary = summary;
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The document as JSON with every string (and property name) masked. Masking the text as a whole would also mask
    /// a secret's digits inside a number (a CVC "123" in <c>"durationMs": 1235</c>) and leave a file that is not JSON;
    /// numbers here are indices, timings, boxes and counts, none of them taken from what a run typed.
    /// </summary>
    internal static string MaskedJson(RecordingDocument document, Secrets.SecretVault secrets)
    {
        var json = JsonSerializer.Serialize(document, RecordingJson.Options);
        var masked = secrets.Mask(json);
        if (masked == json || IsJson(masked)) return masked; // the common case: only strings held a secret
        var node = JsonSerializer.SerializeToNode(document, RecordingJson.Options)!;
        Mask(node, secrets);
        return node.ToJsonString(RecordingJson.Options);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var parsed = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Mask(JsonNode node, Secrets.SecretVault secrets)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                if (child is null) continue;
                if (Masked(child, secrets) is { } replaced) obj[key] = replaced;
                else Mask(child, secrets);
                var maskedKey = secrets.Mask(key);
                if (maskedKey == key) continue;
                var value = obj[key];
                obj.Remove(key);
                obj[maskedKey] = value;
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not { } child) continue;
                if (Masked(child, secrets) is { } replaced) array[i] = replaced;
                else Mask(child, secrets);
            }
        }
    }

    // A string value with a secret in it, masked; null for anything else.
    private static JsonValue? Masked(JsonNode node, Secrets.SecretVault secrets)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return null;
        var text = value.GetValue<string>();
        var masked = secrets.Mask(text);
        return masked == text ? null : JsonValue.Create(masked);
    }

    private RecordingDocument Started() =>
        _document ?? throw new InvalidOperationException("BeginAsync must be called before anything is recorded.");

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var json = MaskedJson(_document!, Secrets);
            await AtomicFile.WriteAllTextAsync(DocumentPath, json, new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
