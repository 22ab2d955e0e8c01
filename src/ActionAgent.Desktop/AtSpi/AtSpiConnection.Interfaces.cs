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

    public Task<bool> DoActionAsync(AccessibleRef target, int index, CancellationToken cancellationToken) =>
        CallAsync(target, ActionInterface, "DoAction", "i", (ref MessageWriter w) => w.WriteInt32(index), static (m, _) => m.GetBodyReader().ReadBool(), cancellationToken);

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
