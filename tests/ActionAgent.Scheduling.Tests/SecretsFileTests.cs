namespace ActionAgent.Scheduling.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secrets-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "secrets.env");
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    [Fact]
    public void Load_returns_the_values_and_never_writes_them_into_the_process_environment()
    {
        var name = $"ACTIONAGENT_TEST_SECRET_{Guid.NewGuid():N}";
        var path = Write($"# a comment\n{name}=\"s3cret\"\n\nOTHER_{name} = 'two words'\n");

        var values = SecretsFile.Load(path);

        Assert.Equal("s3cret", values[name]);
        Assert.Equal("two words", values[$"OTHER_{name}"]);
        Assert.Null(Environment.GetEnvironmentVariable(name));
        Assert.Null(Environment.GetEnvironmentVariable($"OTHER_{name}"));
    }

    [Fact]
    public void The_first_line_that_names_a_variable_wins()
    {
        var values = SecretsFile.Load(Write("TOKEN=first\nTOKEN=second\n"));

        Assert.Equal("first", values["TOKEN"]);
    }

    [Fact]
    public void A_line_that_is_not_name_equals_value_names_its_line()
    {
        var path = Write("TOKEN=ok\njust text\n");

        var error = Assert.Throws<ScheduleException>(() => SecretsFile.Load(path));

        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
    }
}
