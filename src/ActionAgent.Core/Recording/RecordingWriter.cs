using System.Text.Json;
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
        await FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> SaveArtifactAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var relative = Path.Combine("shots", name).Replace('\\', '/');
        await AtomicFile.WriteAllBytesAsync(Path.Combine(Directory, relative), content, cancellationToken);
        return relative;
    }

    /// <inheritdoc />
    public async Task AppendStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        Started().Steps.Add(step);
        await FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task AppendPlanEventAsync(PlanEvent planEvent, CancellationToken cancellationToken)
    {
        Started().PlanEvents.Add(planEvent);
        await FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        Started().Summary = summary;
        await FlushAsync(cancellationToken);
    }

    private RecordingDocument Started() =>
        _document ?? throw new InvalidOperationException("BeginAsync must be called before anything is recorded.");

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var json = Secrets.Mask(JsonSerializer.Serialize(_document, RecordingJson.Options));
            await AtomicFile.WriteAllTextAsync(DocumentPath, json, new System.Text.UTF8Encoding(false), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
