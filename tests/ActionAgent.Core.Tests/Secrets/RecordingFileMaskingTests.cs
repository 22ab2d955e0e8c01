using System.Text.Json;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Secrets;

namespace ActionAgent.Core.Tests.Secrets;

public sealed class RecordingFileMaskingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aa-mask-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_secret_whose_digits_appear_in_a_number_leaves_the_recording_valid_json_and_masks_the_text()
    {
        var writer = new RecordingWriter(_folder) { Secrets = new SecretVault(new Dictionary<string, string> { ["card_cvc"] = "123" }) };
        await writer.BeginAsync(new RecordingHeader { Name = "mask", Driver = "fake", Planner = "test" }, CancellationToken.None);
        await writer.AppendStepAsync(new StepRecord
        {
            Index = 1, Action = "fill", Outcome = StepOutcome.Succeeded, Description = "typed 123 into the CVC",
            DurationMs = 1235, Timings = new StepTimings { ObserveMs = 41234 },
        }, CancellationToken.None);

        var text = await File.ReadAllTextAsync(writer.DocumentPath);
        var document = JsonSerializer.Deserialize<RecordingDocument>(text, RecordingJson.Options)!;

        Assert.Equal(1235, document.Steps[0].DurationMs);
        Assert.Equal(41234, document.Steps[0].Timings!.ObserveMs);
        Assert.DoesNotContain("123 into", text, StringComparison.Ordinal);
        Assert.Contains("into the CVC", document.Steps[0].Description, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
