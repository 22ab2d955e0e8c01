namespace ActionAgent.Composition;

/// <summary>
/// Where a secret's value comes from: the environment bound once (as CI gives it), else the <c>.env</c> files beside
/// the scenario (or recording) the user runs, in order. Only the environment variable names the user's scenario (or
/// <c>--secret</c>) declares are ever asked for; nothing is written to the process environment.
/// </summary>
internal sealed class SecretEnvironment(IReadOnlyList<EnvFile> envFiles, Func<string, string?> processEnvironment)
{
    /// <summary>
    /// The variables <see cref="AgentConfiguration"/> bound (the process environment, for the <c>agent</c> command), then
    /// the <c>.env</c> beside each existing file given (a scenario, a recording.json).
    /// </summary>
    /// <exception cref="InvalidDataException">A <c>.env</c> file is too large or cannot be read.</exception>
    public static SecretEnvironment Beside(Func<string, string?> variables, params string?[] scenarioOrRecording) =>
        new([.. scenarioOrRecording.Where(File.Exists).Select(p => EnvFile.Beside(p!))], variables);

    /// <summary>The value of a declared secret's variable: the process environment wins over the <c>.env</c> files.</summary>
    public string? Get(string variable)
    {
        if (processEnvironment(variable) is { Length: > 0 } value) return value;
        foreach (var file in envFiles)
        {
            if (file.TryGet(variable, out var fromFile) && fromFile.Length > 0) return fromFile;
        }
        return null;
    }
}
