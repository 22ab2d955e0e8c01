namespace ActionAgent.Desktop.Tests;

/// <summary>Every desktop test shares one session (display, session bus, accessibility bus) and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DesktopCollection : ICollectionFixture<DesktopSession>
{
    public const string Name = "desktop";
}
