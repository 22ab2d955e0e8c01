namespace ActionAgent.Desktop.AtSpi;

/// <summary>One accessible object on the accessibility bus: the application's bus name and the object's path.</summary>
/// <param name="BusName">The unique bus name of the application that owns the object (<c>:1.42</c>).</param>
/// <param name="Path">The object path (<c>/org/a11y/atspi/accessible/12</c>).</param>
public readonly record struct AccessibleRef(string BusName, string Path)
{
    /// <summary>The path AT-SPI uses for "no object".</summary>
    public const string NullPath = "/org/a11y/atspi/null";

    /// <summary>Whether this is AT-SPI's null object.</summary>
    public bool IsNull => Path == NullPath || string.IsNullOrEmpty(BusName);

    /// <inheritdoc />
    public override string ToString() => $"{BusName}{Path}";
}
