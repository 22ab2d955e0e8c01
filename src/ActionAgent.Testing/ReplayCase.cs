using Xunit.Abstractions;

namespace ActionAgent.Testing;

/// <summary>
/// One committed recording to replay as a test case (a row of <see cref="ReplayDataAttribute"/>): the recording's
/// folder and, when its steps type secrets, the scenario that says which variables hold them.
/// </summary>
public sealed class ReplayCase : IXunitSerializable
{
    /// <summary>Creates a case.</summary>
    /// <param name="recordingPath">The recording's folder (holding <c>recording.json</c>) or the file itself.</param>
    /// <param name="scenarioPath">The scenario whose <c>secrets:</c> (and the <c>.env</c> beside it) give the secrets' values; null for none.</param>
    public ReplayCase(string recordingPath, string? scenarioPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordingPath);
        RecordingPath = Path.GetFullPath(recordingPath);
        ScenarioPath = scenarioPath is null ? null : Path.GetFullPath(scenarioPath);
    }

    /// <summary>For xUnit's serializer only (a case is rebuilt from <see cref="Deserialize"/>).</summary>
    [Obsolete("For xUnit's serializer only.")]
    public ReplayCase()
    {
        RecordingPath = "";
    }

    /// <summary>The recording's folder or <c>recording.json</c>, as a full path.</summary>
    public string RecordingPath { get; private set; }

    /// <summary>The scenario that declares the recording's secrets, as a full path; null when none is needed.</summary>
    public string? ScenarioPath { get; private set; }

    /// <summary>The recording's name: its folder's name (the test case's display name).</summary>
    public string Name
    {
        get
        {
            var path = Path.GetFileName(RecordingPath) == "recording.json" ? Path.GetDirectoryName(RecordingPath)! : RecordingPath;
            return Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        }
    }

    /// <summary>The options to replay this case with.</summary>
    /// <returns>The replay options naming <see cref="ScenarioPath"/>.</returns>
    public AgentReplayOptions ToOptions() => new() { ScenarioPath = ScenarioPath };

    /// <summary>Restores a case xUnit serialized.</summary>
    /// <param name="info">The serialized values.</param>
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        RecordingPath = info.GetValue<string>(nameof(RecordingPath));
        ScenarioPath = info.GetValue<string?>(nameof(ScenarioPath));
    }

    /// <summary>Serializes the case, so each recording is a test case of its own in test explorers.</summary>
    /// <param name="info">Where the values go.</param>
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(RecordingPath), RecordingPath);
        info.AddValue(nameof(ScenarioPath), ScenarioPath);
    }

    /// <summary>The recording's name, which xUnit shows as the case's argument.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
