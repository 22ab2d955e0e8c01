using System.Text.Json;
using ActionAgent.Core.Actions;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Recording;

/// <summary>
/// Records what a person does in a page the driver shows (headed): clicks, typing, selects, checkboxes, Enter, and
/// navigation they start themselves (the address bar). Events arrive through <see cref="CaptureScript"/>.
/// </summary>
public sealed class BrowserRecorder
{
    private readonly IPage _page;
    private readonly TimeProvider _time;
    private readonly List<CapturedEvent> _events = [];
    private readonly Lock _gate = new();
    private long _lastEventTimestamp;

    private BrowserRecorder(IPage page, TimeProvider time)
    {
        _page = page;
        _time = time;
    }

    /// <summary>What was captured so far, in order.</summary>
    public IReadOnlyList<CapturedEvent> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    /// <summary>Raised when an event is captured.</summary>
    public event EventHandler<CapturedEvent>? Captured;

    /// <summary>Installs the capture script in the driver's page and opens <paramref name="startUrl"/>.</summary>
    public static async Task<BrowserRecorder> StartAsync(PlaywrightDriver driver, string startUrl, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var recorder = new BrowserRecorder(driver.Page, time ?? TimeProvider.System);
        await driver.Page.ExposeFunctionAsync<string>(CaptureScript.BindingName, recorder.OnCaptured).ConfigureAwait(false);
        await driver.Page.AddInitScriptAsync(CaptureScript.Source).ConfigureAwait(false);
        recorder.Add(new CapturedEvent("goto", null, startUrl, "about:blank", [], recorder._time.GetUtcNow()));
        await driver.Page.GotoAsync(startUrl).ConfigureAwait(false);
        driver.Page.FrameNavigated += recorder.OnNavigated;
        return recorder;
    }

    /// <summary>The visible headings, buttons, dialogs and alerts now (the state after the last event).</summary>
    public async Task<IReadOnlyList<string>> KeysNowAsync()
    {
        try
        {
            return await _page.EvaluateAsync<string[]>(CaptureScript.KeysNow).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            return [];
        }
    }

    /// <summary>The page's URL now.</summary>
    public string CurrentUrl => _page.Url;

    private void OnCaptured(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var target = root.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object ? ToTarget(t) : null;
        var keys = root.TryGetProperty("keys", out var k) && k.ValueKind == JsonValueKind.Array
            ? k.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToList()
            : [];
        var value = root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var action = root.GetProperty("action").GetString()!;
        if (action == "fill-secret")
        {
            // The recording gets a placeholder; the person sets the value in the environment when replaying.
            var name = SecretPlaceholders.NameFor(target);
            Add(new CapturedEvent("fill", target, $"${{secrets.{name}}}", root.GetProperty("url").GetString() ?? "", keys, _time.GetUtcNow()) { SecretName = name });
            return;
        }
        Add(new CapturedEvent(action, target, value, root.GetProperty("url").GetString() ?? "", keys, _time.GetUtcNow()));
    }

    // A main-frame navigation long after the last event is one the person started (address bar, bookmark).
    private void OnNavigated(object? sender, IFrame frame)
    {
        if (frame != _page.MainFrame) return;
        long last;
        lock (_gate) last = _lastEventTimestamp;
        if (_time.GetElapsedTime(last) < TimeSpan.FromSeconds(2)) return;
        var previous = Events.LastOrDefault();
        if (previous is { Action: "goto" } && string.Equals(previous.Value, frame.Url, StringComparison.Ordinal)) return;
        if (previous is not null && SameDocument(previous.Url, frame.Url)) return;
        Add(new CapturedEvent("goto", null, frame.Url, previous?.Url ?? "", [], _time.GetUtcNow()));
    }

    private static bool SameDocument(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y) &&
        x.GetLeftPart(UriPartial.Query) == y.GetLeftPart(UriPartial.Query);

    private void Add(CapturedEvent captured)
    {
        lock (_gate)
        {
            _events.Add(captured);
            _lastEventTimestamp = _time.GetTimestamp();
        }
        Captured?.Invoke(this, captured);
    }

    private static ElementTarget ToTarget(JsonElement json)
    {
        string? S(string name) => json.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s ? s : null;
        double D(string name) => json.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : 0;
        return new ElementTarget
        {
            Role = S("role"), Name = S("name"), Label = S("label"), Placeholder = S("placeholder"), Text = S("text"),
            TestId = S("testId"), Css = S("css"), XPath = S("xpath"), Box = new BoundingBox(D("x"), D("y"), D("width"), D("height")),
        };
    }
}
