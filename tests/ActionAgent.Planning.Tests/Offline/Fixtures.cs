namespace ActionAgent.Planning.Tests.Offline;

/// <summary>Recorded snapshot texts (SkyFare, captured with the Playwright driver).</summary>
public static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Offline", "Fixtures", name));
}
