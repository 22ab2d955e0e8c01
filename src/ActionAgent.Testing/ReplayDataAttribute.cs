using System.Reflection;
using Xunit.Sdk;

namespace ActionAgent.Testing;

/// <summary>
/// Yields committed recordings as the cases of a <c>[Theory]</c>, one <see cref="ReplayCase"/> each: a recording folder
/// (holding <c>recording.json</c>) gives one case, a folder of recording folders gives one per recording, by name.
/// </summary>
/// <remarks>
/// A relative path is looked for under the working directory, then above the test assembly's folder (so
/// <c>recordings/book-flight</c> finds a repository's folder from <c>bin/Debug/net10.0</c>, or a copy placed beside the
/// assembly).
/// </remarks>
/// <example>
/// <code>
/// [Theory, ReplayData("recordings", Scenario = "scenarios/book-flight.yaml")]
/// public async Task Committed_recordings_replay(ReplayCase replay)
/// {
///     await using var test = await fixture.StartTestAsync(output);
///     await test.AssertReplayPassesAsync(replay);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ReplayDataAttribute : DataAttribute
{
    /// <summary>Names the recordings to replay.</summary>
    /// <param name="path">A recording folder, or a folder of recording folders.</param>
    public ReplayDataAttribute(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The recording folder, or the folder of recordings, as given.</summary>
    public string Path { get; }

    /// <summary>A scenario whose <c>secrets:</c> (and the <c>.env</c> beside it) give the secrets the recordings type; found as <see cref="Path"/> is.</summary>
    /// <value>The default value is null: the recordings type no secrets.</value>
    public string? Scenario { get; set; }

    /// <summary>The cases: one per recording found.</summary>
    /// <param name="testMethod">The theory.</param>
    /// <returns>One row per recording, holding its <see cref="ReplayCase"/>.</returns>
    /// <exception cref="ArgumentException">The path or the scenario is not found, or the folder holds no recording.</exception>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var folder = Find(Path, testMethod)
                     ?? throw new ArgumentException($"[ReplayData] on {testMethod.Name}: '{Path}' was found neither under {Directory.GetCurrentDirectory()} nor above {AppContext.BaseDirectory}.");
        var scenario = Scenario is null
            ? null
            : Find(Scenario, testMethod) ?? throw new ArgumentException($"[ReplayData] on {testMethod.Name}: the scenario '{Scenario}' was not found.");
        var recordings = Recordings(folder);
        if (recordings.Count == 0)
            throw new ArgumentException($"[ReplayData] on {testMethod.Name}: {folder} holds no recording.json, and no folder in it does.");
        return recordings.Select(recording => new object[] { new ReplayCase(recording, scenario) });
    }

    /// <summary>The recording folders under <paramref name="folder"/>: itself when it is one, else its subfolders that are, by name.</summary>
    private static List<string> Recordings(string folder)
    {
        if (File.Exists(folder)) return [folder];
        if (File.Exists(System.IO.Path.Combine(folder, "recording.json"))) return [folder];
        return [.. Directory.EnumerateDirectories(folder)
            .Where(child => File.Exists(System.IO.Path.Combine(child, "recording.json")))
            .Order(StringComparer.Ordinal)];
    }

    private static string? Find(string path, MethodInfo testMethod)
    {
        if (System.IO.Path.IsPathRooted(path)) return Exists(path) ? System.IO.Path.GetFullPath(path) : null;
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(testMethod.DeclaringType?.Assembly.Location) };
        foreach (var start in starts.OfType<string>().Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, path);
                if (Exists(candidate)) return System.IO.Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
