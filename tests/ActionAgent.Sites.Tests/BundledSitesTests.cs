namespace ActionAgent.Sites.Tests;

/// <summary>The demo sites travel inside ActionAgent.Sites.dll, for projects that install the packages (no clone above them).</summary>
public sealed class BundledSitesTests
{
    [Fact]
    public void The_embedded_sites_are_written_out_as_the_repository_has_them()
    {
        var bundled = BundledSites.SitesRoot;

        Assert.NotNull(bundled);
        var repository = SiteCatalog.FindSitesRoot(AppContext.BaseDirectory)!;
        Assert.NotEqual(repository, bundled);
        Assert.Equal(SiteCatalog.List(repository), SiteCatalog.List(bundled));
        Assert.Equal(File.ReadAllBytes(Path.Combine(repository, "skyfare", "index.html")), File.ReadAllBytes(Path.Combine(bundled, "skyfare", "index.html")));
    }
}
