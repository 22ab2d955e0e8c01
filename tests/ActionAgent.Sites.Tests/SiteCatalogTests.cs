using ActionAgent.Sites;

namespace ActionAgent.Sites.Tests;

public sealed class SiteCatalogTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("aa-repo-").FullName;

    public SiteCatalogTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "scenarios", "sites", "alpha"));
        Directory.CreateDirectory(Path.Combine(_repo, "scenarios", "sites", "beta"));
        Directory.CreateDirectory(Path.Combine(_repo, "src", "deep", "er"));
    }

    private string SitesRoot => Path.Combine(_repo, "scenarios", "sites");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void FindSitesRoot_walks_up_from_a_nested_folder()
    {
        Assert.Equal(SitesRoot, SiteCatalog.FindSitesRoot(Path.Combine(_repo, "src", "deep", "er")));
    }

    [Fact]
    public void List_returns_the_site_names_sorted()
    {
        Assert.Equal(["alpha", "beta"], SiteCatalog.List(SitesRoot));
    }

    [Fact]
    public void Resolve_returns_the_site_folder()
    {
        Assert.Equal(Path.Combine(SitesRoot, "beta"), SiteCatalog.Resolve(SitesRoot, "beta"));
    }

    [Fact]
    public void Resolve_of_an_unknown_site_names_the_known_sites()
    {
        var error = Assert.Throws<SiteNotFoundException>(() => SiteCatalog.Resolve(SitesRoot, "gamma"));

        Assert.Contains("'gamma'", error.Message, StringComparison.Ordinal);
        Assert.Contains("alpha, beta", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_refuses_a_path_that_leaves_the_sites_root()
    {
        Assert.Throws<SiteNotFoundException>(() => SiteCatalog.Resolve(SitesRoot, ".."));
    }
}
