// Desktop driver timings: reading an app's whole accessibility tree (one observation) and acting on one element,
// per application, after one warm-up. Run it inside a desktop session (bench/desktop.sh makes one).
using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Desktop;

var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var apps = new (string Name, string Launch, ElementTarget Target, ActionKind Kind, string? Value)[]
{
    ("mousepad (GTK3 editor)", "mousepad", new ElementTarget { Role = "textbox" }, ActionKind.Fill, "benchmark text"),
    ("zenity --forms (GTK3 dialog)", "zenity --forms --title=Bench --add-entry=Name --add-entry=City", new ElementTarget { Label = "City" }, ActionKind.Fill, "London"),
    ("gnome-calculator (GTK4)", "gnome-calculator", new ElementTarget { Role = "button", Name = "7" }, ActionKind.Click, null),
};
Console.WriteLine($"| application | elements | read full tree: median | min | max | act ({"fill/click"}) through AT-SPI: median | min | max |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var app in apps)
{
    AtSpiDriver driver;
    try
    {
        driver = await AtSpiDriver.StartAsync(new DesktopOptions
        {
            Launch = app.Launch,
            WindowTimeout = TimeSpan.FromSeconds(40),
            // The driver reads no environment variable itself; this harness is its host, and desktop.sh made the session.
            Display = Environment.GetEnvironmentVariable("DISPLAY"),
            SessionBusAddress = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"),
        }, CancellationToken.None);
    }
    catch (DesktopEnvironmentException e)
    {
        Console.WriteLine($"| {app.Name} | could not start: {e.Message} |");
        continue;
    }
    await using (driver)
    {
        var first = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        var elements = first.AllNodes().Count();
        var reads = new List<double>();
        var acts = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
            reads.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var result = await driver.ExecuteAsync(new UiAction(new PlanStep { Action = app.Kind, Target = app.Target, Value = app.Value }, app.Value, false, TimeSpan.FromSeconds(5)), CancellationToken.None);
            acts.Add(watch.Elapsed.TotalMilliseconds);
            if (!result.Succeeded) Console.Error.WriteLine($"{app.Name}: {result.Error}");
        }
        Console.WriteLine($"| {app.Name} | {elements} | {Median(reads):0} ms | {reads.Min():0} ms | {reads.Max():0} ms | {Median(acts):0} ms | {acts.Min():0} ms | {acts.Max():0} ms |");
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
