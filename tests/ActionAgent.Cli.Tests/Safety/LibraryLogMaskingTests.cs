using System.Text.Json;
using ActionAgent.Cli.Logging;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Observation;
using ActionAgent.Core.Planning;
using ActionAgent.Core.Ports;
using ActionAgent.Core.Scenarios;
using ActionAgent.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>
/// The libraries (Core's engines, the scheduler, the Agent) log through <c>Microsoft.Extensions.Logging</c>; the CLI
/// hands them <see cref="RunLogging.Factory"/>, whose events pass the same masking sink as the CLI's own before they
/// reach <c>log.jsonl</c>, with their structured properties and the logging class as <c>SourceContext</c>.
/// </summary>
public sealed class LibraryLogMaskingTests : IDisposable
{
    private const string Password = "hunter2-Correct-Horse";
    private readonly string _folder = Directory.CreateTempSubdirectory("aa-lib-log-").FullName;
    private readonly SecretVault _vault = new(new Dictionary<string, string> { ["password"] = Password });

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string LogFile => Path.Combine(_folder, "log.jsonl");

    [Fact]
    public async Task A_typed_password_the_driver_echoes_never_reaches_the_log_file_while_the_engines_events_keep_their_properties()
    {
        await using (var log = RunLogging.Create(LogFile, verbose: false, () => _vault))
        using (var loggerFactory = RunLogging.Factory(log))
        {
            var step = new PlanStep { Action = ActionKind.Fill, Target = new ElementTarget { Label = "Password" }, Value = "${secrets.password}" };
            var scenario = new Scenario
            {
                Name = "sign-in",
                Goal = "sign in",
                App = new AppSpec { Browser = new BrowserAppSpec("http://app.test/") },
                Policy = new RunPolicy { Retries = 0, MaxReplans = 0 },
                Secrets = new Dictionary<string, SecretSource> { ["password"] = new("APP_PASSWORD") },
            };
            var engine = new RunEngine(new EchoingDriver(), new ExplicitStepsPlanner([step]), new MemoryRecordingSink(),
                new RunEngineServices { LoggerFactory = loggerFactory });

            var result = await engine.RunAsync(new RunRequest { Scenario = scenario, Secrets = _vault }, CancellationToken.None);

            Assert.Equal(RunState.Failed, result.FinalState);
        }

        var text = await File.ReadAllTextAsync(LogFile);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        var events = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var step1 = Assert.Single(events, e => e.GetProperty("@mt").GetString() == "Step {Index} {Action} on {Target}");
        Assert.Equal(1, step1.GetProperty("Index").GetInt32());
        Assert.Equal("fill", step1.GetProperty("Action").GetString());
        Assert.Equal("ActionAgent.Core.Engine.RunEngine", step1.GetProperty("SourceContext").GetString());
        Assert.Contains(events, e => e.GetProperty("@mt").GetString() == "Step {Index} failed: {Error}");
    }

    [Fact]
    public async Task A_secret_a_library_logs_unmasked_in_its_template_properties_scope_or_exception_is_masked_in_the_log_file()
    {
        await using (var log = RunLogging.Create(LogFile, verbose: false, () => _vault))
        using (var loggerFactory = RunLogging.Factory(log))
        {
            var logger = loggerFactory.CreateLogger("ActionAgent.SomeLibrary");
            using (logger.BeginScope(new Dictionary<string, object> { ["Typed"] = Password }))
            {
#pragma warning disable CA2254 // the secret in the template is the point of the test
                logger.LogWarning(new InvalidOperationException($"could not type {Password}"), $"Typing {Password} failed: {{Error}} at {{Index}}",
                    $"the field refused {Password}", 3);
#pragma warning restore CA2254
            }
        }

        var text = await File.ReadAllTextAsync(LogFile);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        var logged = JsonDocument.Parse(text.Trim()).RootElement;
        Assert.Equal(3, logged.GetProperty("Index").GetInt32());
        Assert.Equal($"the field refused {SecretVault.MaskText}", logged.GetProperty("Error").GetString());
        Assert.Equal(SecretVault.MaskText, logged.GetProperty("Typed").GetString());
        Assert.Equal("ActionAgent.SomeLibrary", logged.GetProperty("SourceContext").GetString());
        Assert.Contains($"could not type {SecretVault.MaskText}", logged.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A driver whose app refuses every action and echoes what it was asked to type, as a careless one might.</summary>
    private sealed class EchoingDriver : IUiDriver
    {
        private const string Snapshot = "- textbox \"Password\" [ref=e1]";

        public string Name => "echoing";

        public Task<UiObservation> ObserveAsync(ObserveOptions options, CancellationToken cancellationToken) =>
            Task.FromResult(new UiObservation
            {
                Location = "http://app.test/",
                Title = "Sign in",
                SnapshotText = Snapshot,
                Nodes = AriaSnapshotParser.Parse(Snapshot),
                Screenshot = options.IncludeScreenshot ? [0x89, 0x50, 0x4E, 0x47] : null,
            });

        public Task<ActionResult> ExecuteAsync(UiAction action, CancellationToken cancellationToken) =>
            Task.FromResult(ActionResult.Failure(ActionFailureKind.NotActionable, $"could not type {action.Value} into the field"));

        public Task<byte[]> ScreenshotAsync(IReadOnlyList<ElementTarget> masked, CancellationToken cancellationToken) =>
            Task.FromResult<byte[]>([0x89, 0x50, 0x4E, 0x47]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
