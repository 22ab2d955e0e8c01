namespace ActionAgent.Sites;

/// <summary>A <c>site:NAME</c> names no folder under <c>scenarios/sites</c>.</summary>
public sealed class SiteNotFoundException : Exception
{
    /// <summary>Creates the exception with a message listing the known sites.</summary>
    public SiteNotFoundException(string siteName, string sitesRoot, IReadOnlyList<string> knownSites)
        : base(Describe(siteName, sitesRoot, knownSites))
    {
        SiteName = siteName;
        SitesRoot = sitesRoot;
        KnownSites = knownSites;
    }

    /// <summary>Creates the exception with a message of the caller's choosing.</summary>
    public SiteNotFoundException() : this("", "", [])
    {
    }

    /// <summary>Creates the exception with a message of the caller's choosing.</summary>
    public SiteNotFoundException(string message) : base(message)
    {
        SiteName = "";
        SitesRoot = "";
        KnownSites = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SiteNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
        SiteName = "";
        SitesRoot = "";
        KnownSites = [];
    }

    /// <summary>The name that was asked for.</summary>
    public string SiteName { get; }

    /// <summary>The folder that was searched.</summary>
    public string SitesRoot { get; }

    /// <summary>The sites that do exist there.</summary>
    public IReadOnlyList<string> KnownSites { get; }

    private static string Describe(string siteName, string sitesRoot, IReadOnlyList<string> knownSites) =>
        knownSites.Count == 0
            ? $"Unknown site '{siteName}': there are no sites under '{sitesRoot}'."
            : $"Unknown site '{siteName}'. Known sites under '{sitesRoot}': {string.Join(", ", knownSites)}.";
}
