namespace ActionAgent.Core.Scenarios;

/// <summary>
/// Loads scenario files (format v1, <c>docs/scenario-format.md</c>). Bad input never throws: the result carries every
/// error found, each with file, line, column and field.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads a scenario file; a file that cannot be read is an error in the result, not an exception.</summary>
    /// <param name="path">The file; errors and step origins name it as given.</param>
    /// <param name="options">What to check outside the file; <see cref="ScenarioLoadOptions.Default"/> when null.</param>
    public static ScenarioLoadResult Load(string path, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            if (new FileInfo(path).Length > YamlLimits.MaxChars * 4L)
                return new ScenarioLoadResult { Errors = [new ScenarioError(path, 0, 0, "(file)", $"the file is larger than {YamlLimits.MaxChars / 1024} KB; a scenario is not that large")] };
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {e.Message}";
            return new ScenarioLoadResult { Errors = [new ScenarioError(path, 0, 0, "(file)", message)] };
        }

        var result = Parse(yaml, path, options);
        return result.Scenario is null ? result : result with { Scenario = result.Scenario with { SourcePath = path } };
    }

    /// <summary>Parses scenario YAML.</summary>
    /// <param name="yaml">The text of the scenario.</param>
    /// <param name="sourceName">What errors and step origins call the source (usually its path).</param>
    /// <param name="options">What to check outside the text; <see cref="ScenarioLoadOptions.Default"/> when null.</param>
    public static ScenarioLoadResult Parse(string yaml, string sourceName, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new ScenarioReader(sourceName, options ?? ScenarioLoadOptions.Default).Read(yaml);
    }
}
