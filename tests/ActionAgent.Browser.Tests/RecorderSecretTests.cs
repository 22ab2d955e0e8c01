using ActionAgent.Browser.Recording;
using ActionAgent.Core.Recording;

namespace ActionAgent.Browser.Tests;

/// <summary>A person types a password while <c>agent record</c> captures: the value must never be captured.</summary>
[Collection("browser")]
public sealed class RecorderSecretTests(BrowserFixture browser)
{
    private const string Password = "hunter2-Sup3r!";

    [Fact]
    public async Task Agent_record_writes_a_placeholder_for_a_password_field_and_declares_the_secret_never_its_value()
    {
        await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions());
        var recorder = await BrowserRecorder.StartAsync(driver, browser.Site.Url("login.html"));
        await driver.Page.WaitForFunctionAsync("() => window.__actionagentRecorder === true");

        await driver.Page.ClickAsync("#user");
        await driver.Page.Keyboard.TypeAsync("ada");
        await driver.Page.ClickAsync("#pw");
        await driver.Page.Keyboard.TypeAsync(Password);
        await driver.Page.Keyboard.PressAsync("Enter");
        await driver.Page.WaitForFunctionAsync("() => document.getElementById('status').textContent === 'Welcome back'");

        var events = recorder.Events;
        var steps = RecordedSteps.From(events, recorder.CurrentUrl, await recorder.KeysNowAsync());
        var json = System.Text.Json.JsonSerializer.Serialize(steps, RecordingJson.Options);

        var secretFill = Assert.Single(events, e => e.SecretName is not null);
        Assert.Equal("password", secretFill.SecretName);
        Assert.Equal("${secrets.password}", secretFill.Value);
        Assert.Contains(events, e => e.Action == "fill" && e.Value == "ada");
        Assert.DoesNotContain(Password, json, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Value?.Contains(Password, StringComparison.Ordinal) == true);
        Assert.Contains(steps, s => s.Parameters.Contains("secrets.password"));
    }
}
