using ActionAgent.Sites;

namespace ActionAgent.Cli.Tests.Safety;

/// <summary>A folder of pages written by a test and served on 127.0.0.1 by the real site host.</summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly SiteHost _host;

    private LoopbackSite(string folder, SiteHost host)
    {
        Folder = folder;
        _host = host;
    }

    public string Folder { get; }

    public string Url(string relative = "") => _host.Address(relative).ToString();

    public static async Task<LoopbackSite> StartAsync(IReadOnlyDictionary<string, string> files)
    {
        var folder = Directory.CreateTempSubdirectory("aa-site-").FullName;
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }
        return new LoopbackSite(folder, await SiteHost.StartAsync(folder));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
