using ActionAgent.Core.Actions;
using Tmds.DBus.Protocol;

namespace ActionAgent.Desktop.AtSpi;

// The interfaces an element acts through: Component, Action, Text, EditableText, Value, Selection.
internal sealed partial class AtSpiConnection
{
    private const string ComponentInterface = "org.a11y.atspi.Component";
    private const string ActionInterface = "org.a11y.atspi.Action";
    private const string TextInterface = "org.a11y.atspi.Text";
    private const string EditableTextInterface = "org.a11y.atspi.EditableText";
    public const string ValueInterface = "org.a11y.atspi.Value";
    private const string SelectionInterface = "org.a11y.atspi.Selection";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _directAddresses = new(StringComparer.Ordinal);

    /// <summary>The element's box in screen coordinates.</summary>
    public Task<BoundingBox> GetExtentsAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, ComponentInterface, "GetExtents", "u", (ref MessageWriter w) => w.WriteUInt32(0), static (m, _) =>
        {
            var reader = m.GetBodyReader();
            reader.AlignStruct();
            return new BoundingBox(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        }, cancellationToken);

    public Task<bool> GrabFocusAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, ComponentInterface, "GrabFocus", null, null, static (m, _) => m.GetBodyReader().ReadBool(), cancellationToken);

    /// <summary>The element's action names (<c>click</c>, <c>press</c>, <c>activate</c>, <c>toggle</c>...).</summary>
    public Task<string[]> GetActionNamesAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, ActionInterface, "GetActions", null, null, static (m, _) =>
        {
            var reader = m.GetBodyReader();
            var names = new List<string>();
            var end = reader.ReadArrayStart(Tmds.DBus.Protocol.DBusType.Struct);
            while (reader.HasNext(end))
            {
                reader.AlignStruct();
                names.Add(reader.ReadString());
                reader.ReadString();
                reader.ReadString();
            }
            return names.ToArray();
        }, cancellationToken);

    /// <summary>
    /// Runs an element's action. The bridge in the app (at-spi2-atk) answers, then runs the action inside its handler
    /// of the message; an action that opens a modal dialog (GTK's <c>gtk_dialog_run</c>) spins a nested main loop
    /// there, and the app's connection that carried the call reads nothing more until the dialog closes. So the call
    /// goes over a connection of its own, straight to the app (its peer-to-peer socket,
    /// <c>Application.GetApplicationBusAddress</c>, as libatspi does), and the bus stays free for reading the dialog.
    /// </summary>
    public async Task<bool> DoActionAsync(AccessibleRef target, int index, CancellationToken cancellationToken)
    {
        if (await DirectAddressAsync(target.BusName, cancellationToken).ConfigureAwait(false) is { } direct)
        {
            var peer = new DBusConnection(direct);
            try
            {
                try
                {
                    await peer.ConnectAsync().AsTask().WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is DBusExceptionBase or DBusConnectionException or TimeoutException or IOException or System.Net.Sockets.SocketException)
                {
                    _directAddresses[target.BusName] = null; // no peer socket to use: the bus carries actions from now on
                    return await DoActionOnBusAsync(target, index, cancellationToken).ConfigureAwait(false);
                }
                MessageBuffer message;
                using (var writer = peer.GetMessageWriter())
                {
                    writer.WriteMethodCallHeader(null, target.Path, ActionInterface, "DoAction", "i");
                    writer.WriteInt32(index);
                    message = writer.CreateMessage();
                }
                return await peer.CallMethodAsync(message, static (m, _) => m.GetBodyReader().ReadBool(), null).WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                peer.Dispose();
            }
        }
        return await DoActionOnBusAsync(target, index, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> DoActionOnBusAsync(AccessibleRef target, int index, CancellationToken cancellationToken) =>
        CallAsync(target, ActionInterface, "DoAction", "i", (ref MessageWriter w) => w.WriteInt32(index), static (m, _) => m.GetBodyReader().ReadBool(), cancellationToken);

    // The app's peer-to-peer address, asked once per app; null when it has none.
    private async Task<string?> DirectAddressAsync(string busName, CancellationToken cancellationToken)
    {
        if (_directAddresses.TryGetValue(busName, out var known)) return known;
        string? address;
        try
        {
            address = await CallAsync(new AccessibleRef(busName, RootPath), "org.a11y.atspi.Application", "GetApplicationBusAddress", null, null,
                static (m, _) => m.GetBodyReader().ReadString(), cancellationToken).ConfigureAwait(false);
        }
        catch (DBusExceptionBase)
        {
            address = null;
        }
        address = string.IsNullOrEmpty(address) ? null : address;
        _directAddresses[busName] = address;
        return address;
    }

    public async Task<string> GetTextAsync(AccessibleRef target, int maxCharacters, CancellationToken cancellationToken)
    {
        var count = (await GetPropertyAsync(target, TextInterface, "CharacterCount", cancellationToken).ConfigureAwait(false)).GetInt32();
        var end = maxCharacters > 0 ? Math.Min(count, maxCharacters) : count;
        if (end <= 0) return "";
        return await CallAsync(target, TextInterface, "GetText", "ii", (ref MessageWriter w) =>
        {
            w.WriteInt32(0);
            w.WriteInt32(end);
        }, static (m, _) => m.GetBodyReader().ReadString(), cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> SetTextContentsAsync(AccessibleRef target, string text, CancellationToken cancellationToken) =>
        CallAsync(target, EditableTextInterface, "SetTextContents", "s", (ref MessageWriter w) => w.WriteString(text), static (m, _) => m.GetBodyReader().ReadBool(), cancellationToken);

    public async Task<double> GetCurrentValueAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        (await GetPropertyAsync(target, ValueInterface, "CurrentValue", cancellationToken).ConfigureAwait(false)).GetDouble();

    public Task SetCurrentValueAsync(AccessibleRef target, double value, CancellationToken cancellationToken) =>
        SetDoublePropertyAsync(target, ValueInterface, "CurrentValue", value, cancellationToken);

    public Task<bool> SelectChildAsync(AccessibleRef target, int index, CancellationToken cancellationToken) =>
        CallAsync(target, SelectionInterface, "SelectChild", "i", (ref MessageWriter w) => w.WriteInt32(index), static (m, _) => m.GetBodyReader().ReadBool(), cancellationToken);
}
