using System.Diagnostics;
using ActionAgent.Core.Ports;

namespace ActionAgent.Desktop.Tests;

[Collection(DesktopCollection.Name)]
public sealed class ExploreTests(DesktopSession session)
{
    [Fact]
    public async Task Dump_mousepad()
    {
        _ = session;
        var log = new System.Text.StringBuilder();
        log.AppendLine(Environment.GetEnvironmentVariable("DISPLAY") + " " + Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        var p = Process.Start(new ProcessStartInfo("sh", ["-c", "dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress; ls -la /root/.cache/at-spi; pgrep -a at-spi; pgrep -a dbus-daemon"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        log.AppendLine(p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd());
        File.WriteAllText("/tmp/mousepad-diag.txt", log.ToString());
        await using var driver = await AtSpiDriver.StartAsync(new DesktopOptions { Launch = "mousepad" }, CancellationToken.None);
        var o = await driver.ObserveAsync(ObserveOptions.SnapshotOnly, CancellationToken.None);
        File.WriteAllText("/tmp/mousepad-snap.txt", o.Title + "\n" + o.SnapshotText);
    }
}
