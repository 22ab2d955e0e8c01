using Tmds.DBus.Protocol;

namespace ActionAgent.Desktop.AtSpi;

/// <summary>
/// A connection to the AT-SPI accessibility bus (given directly, as <c>AT_SPI_BUS_ADDRESS</c>, or found through
/// <c>org.a11y.Bus.GetAddress</c> on the session bus), with the calls the driver makes on accessible objects.
/// </summary>
internal sealed partial class AtSpiConnection : IDisposable
{
    public const string RegistryName = "org.a11y.atspi.Registry";
    public const string RootPath = "/org/a11y/atspi/accessible/root";
    private const string AccessibleInterface = "org.a11y.atspi.Accessible";
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly DBusConnection _connection;

    private AtSpiConnection(DBusConnection connection, string address)
    {
        _connection = connection;
        Address = address;
    }

    /// <summary>The accessibility bus address.</summary>
    public string Address { get; }

    /// <summary>The desktop: the registry's root, whose children are the applications.</summary>
    public static AccessibleRef Desktop => new(RegistryName, RootPath);

    /// <summary>Finds the accessibility bus and connects to it.</summary>
    /// <param name="accessibilityBusAddress">The accessibility bus, when the host gave it (<see cref="DesktopOptions.AccessibilityBusAddress"/>).</param>
    /// <param name="sessionBusAddress">The session bus the host gave (<see cref="DesktopOptions.SessionBusAddress"/>).</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <exception cref="DesktopEnvironmentException">No session bus, no accessibility bus, or it cannot be reached.</exception>
    public static async Task<AtSpiConnection> ConnectAsync(string? accessibilityBusAddress, string? sessionBusAddress, CancellationToken cancellationToken)
    {
        var address = accessibilityBusAddress;
        if (string.IsNullOrEmpty(address)) address = await FindBusAddressAsync(sessionBusAddress, cancellationToken).ConfigureAwait(false);
        var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DBusExceptionBase or DBusConnectionException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new DesktopEnvironmentException(
                $"The accessibility bus at {address} cannot be reached ({ex.Message}). Start it with /usr/libexec/at-spi-bus-launcher --launch-immediately.", ex);
        }
        return new AtSpiConnection(connection, address);
    }

    private static async Task<string> FindBusAddressAsync(string? sessionBusAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionBusAddress))
        {
            throw new DesktopEnvironmentException(
                "No D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set. Run inside a desktop session, or start one with `dbus-launch` (package dbus-x11).");
        }
        using var session = new DBusConnection(sessionBusAddress);
        try
        {
            await session.ConnectAsync().AsTask().WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
            MessageBuffer message;
            using (var writer = session.GetMessageWriter())
            {
                writer.WriteMethodCallHeader("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress");
                message = writer.CreateMessage();
            }
            return await session.CallMethodAsync(message, static (m, _) => m.GetBodyReader().ReadString(), null)
                .WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DBusExceptionBase or DBusConnectionException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw new DesktopEnvironmentException(
                $"No accessibility bus: org.a11y.Bus did not answer on the session bus ({ex.Message}). Install at-spi2-core and start /usr/libexec/at-spi-bus-launcher --launch-immediately.", ex);
        }
    }

    private async Task<T> CallAsync<T>(AccessibleRef target, string iface, string member, string? signature,
        WriteArguments? arguments, MessageValueReader<T> read, CancellationToken cancellationToken)
    {
        MessageBuffer message;
        var writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(target.BusName, target.Path, iface, member, signature);
            arguments?.Invoke(ref writer);
            message = writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
        return await _connection.CallMethodAsync(message, read, null).WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
    }

    private Task<VariantValue> GetPropertyAsync(AccessibleRef target, string iface, string property, CancellationToken cancellationToken) =>
        CallAsync(target, PropertiesInterface, "Get", "ss", (ref MessageWriter w) =>
        {
            w.WriteString(iface);
            w.WriteString(property);
        }, static (m, _) => m.GetBodyReader().ReadVariantValue(), cancellationToken);

    /// <summary>Sets a double property (the Value interface's CurrentValue).</summary>
    public Task SetDoublePropertyAsync(AccessibleRef target, string iface, string property, double value, CancellationToken cancellationToken) =>
        CallAsync(target, PropertiesInterface, "Set", "ssv", (ref MessageWriter w) =>
        {
            w.WriteString(iface);
            w.WriteString(property);
            w.WriteVariantDouble(value);
        }, static (_, _) => true, cancellationToken);

    public Task<AccessibleRef[]> GetChildrenAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, AccessibleInterface, "GetChildren", null, null, static (m, _) => ReadRefArray(m.GetBodyReader()), cancellationToken);

    public Task<string> GetRoleNameAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, AccessibleInterface, "GetRoleName", null, null, static (m, _) => m.GetBodyReader().ReadString(), cancellationToken);

    public Task<AtSpiStates> GetStateAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, AccessibleInterface, "GetState", null, null, static (m, _) => AtSpiStates.FromWords(m.GetBodyReader().ReadArrayOfUInt32()), cancellationToken);

    public Task<string[]> GetInterfacesAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, AccessibleInterface, "GetInterfaces", null, null, static (m, _) => m.GetBodyReader().ReadArrayOfString(), cancellationToken);

    public Task<int> GetIndexInParentAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, AccessibleInterface, "GetIndexInParent", null, null, static (m, _) => m.GetBodyReader().ReadInt32(), cancellationToken);

    public async Task<string> GetNameAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        (await GetPropertyAsync(target, AccessibleInterface, "Name", cancellationToken).ConfigureAwait(false)).GetString();

    public async Task<string> GetDescriptionAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        (await GetPropertyAsync(target, AccessibleInterface, "Description", cancellationToken).ConfigureAwait(false)).GetString();

    public async Task<AccessibleRef> GetParentAsync(AccessibleRef target, CancellationToken cancellationToken)
    {
        var value = await GetPropertyAsync(target, AccessibleInterface, "Parent", cancellationToken).ConfigureAwait(false);
        return new AccessibleRef(value.GetItem(0).GetString(), value.GetItem(1).GetObjectPathAsString());
    }

    /// <summary>The elements that label this one (AT-SPI's LABELLED_BY relation: a field and the label a toolkit tied to it).</summary>
    public Task<AccessibleRef[]> GetLabelledByAsync(AccessibleRef target, CancellationToken cancellationToken) =>
        CallAsync(target, AccessibleInterface, "GetRelationSet", null, null, static (m, _) =>
        {
            const uint labelledBy = 2;
            var reader = m.GetBodyReader();
            var labels = new List<AccessibleRef>();
            var end = reader.ReadArrayStart(DBusType.Struct);
            while (reader.HasNext(end))
            {
                reader.AlignStruct();
                var type = reader.ReadUInt32();
                // The targets are read here, not by ReadRefArray: the reader is a struct, and a copy would not move on.
                var targets = reader.ReadArrayStart(DBusType.Struct);
                while (reader.HasNext(targets))
                {
                    reader.AlignStruct();
                    var bus = reader.ReadString();
                    var path = reader.ReadObjectPathAsString();
                    if (type == labelledBy) labels.Add(new AccessibleRef(bus, path));
                }
            }
            return labels.ToArray();
        }, cancellationToken);

    /// <summary>The process id behind an application's bus name (asked of the bus itself).</summary>
    public Task<uint> GetProcessIdAsync(string busName, CancellationToken cancellationToken) =>
        CallAsync(new AccessibleRef("org.freedesktop.DBus", "/org/freedesktop/DBus"), "org.freedesktop.DBus", "GetConnectionUnixProcessID", "s",
            (ref MessageWriter w) => w.WriteString(busName), static (m, _) => m.GetBodyReader().ReadUInt32(), cancellationToken);

    internal static AccessibleRef[] ReadRefArray(Reader reader)
    {
        var list = new List<AccessibleRef>();
        var end = reader.ReadArrayStart(DBusType.Struct);
        while (reader.HasNext(end))
        {
            reader.AlignStruct();
            var bus = reader.ReadString();
            var path = reader.ReadObjectPathAsString();
            list.Add(new AccessibleRef(bus, path));
        }
        return [.. list];
    }

    internal static AccessibleRef ReadRef(Reader reader)
    {
        reader.AlignStruct();
        var bus = reader.ReadString();
        var path = reader.ReadObjectPathAsString();
        return new AccessibleRef(bus, path);
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>Writes a call's arguments. By reference: <see cref="MessageWriter"/> is a struct, and a copy would lose what it wrote.</summary>
internal delegate void WriteArguments(ref MessageWriter writer);
