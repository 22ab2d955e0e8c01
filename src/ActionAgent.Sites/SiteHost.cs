using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Sites;

/// <summary>
/// Serves one site folder on loopback: its static files (<c>index.html</c> by default) and the generic JSON store
/// under <c>/api/{collection}</c>. Used for <c>site:NAME</c> starts and by tests.
/// </summary>
public sealed class SiteHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PhysicalFileProvider _files;
    private int _stopped;

    private SiteHost(WebApplication app, PhysicalFileProvider files, Uri baseAddress, string siteDirectory, JsonDocumentStore store)
    {
        _app = app;
        _files = files;
        BaseAddress = baseAddress;
        SiteDirectory = siteDirectory;
        Store = store;
    }

    /// <summary>Where the site is served, with a trailing slash (for example <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The full path of the folder being served.</summary>
    public string SiteDirectory { get; }

    /// <summary>The JSON store behind <c>/api/{collection}</c>, for checks that do not want to go through HTTP.</summary>
    public JsonDocumentStore Store { get; }

    /// <summary>Starts serving <paramref name="siteDirectory"/> on 127.0.0.1.</summary>
    /// <param name="siteDirectory">The folder holding the site's files.</param>
    /// <param name="port">The port to bind; 0 picks a free one.</param>
    /// <param name="ct">Cancels the start.</param>
    public static Task<SiteHost> StartAsync(string siteDirectory, int port = 0, CancellationToken ct = default) =>
        StartAsync(siteDirectory, new SiteHostOptions { Port = port }, ct);

    /// <summary>Starts serving <paramref name="siteDirectory"/> on 127.0.0.1 with the given options.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static async Task<SiteHost> StartAsync(string siteDirectory, SiteHostOptions options, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteDirectory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var root = Path.GetFullPath(siteDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The site folder '{root}' does not exist.");
        }

        // The empty builder reads no environment variables or appsettings, so ASPNETCORE_URLS and the like
        // cannot move the site off loopback or make it chatty.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        // Warnings only, and on stderr: stdout may carry a protocol (agent mcp) or a progress display.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            // A failed start is thrown to the caller; logging it as well would print the stack twice.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

        var app = builder.Build();
        var store = new JsonDocumentStore(options.TimeProvider);
        var files = new PhysicalFileProvider(root);
        app.Use(NoStore);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = ContentTypes() });
        app.MapJsonStore(store);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            files.Dispose();
            throw;
        }

        // Kestrel reports the port it really bound (port 0 becomes a free one) once started.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
        return new SiteHost(app, files, new Uri(address.TrimEnd('/') + "/"), root, store);
    }

    /// <summary>The absolute address of <paramref name="relative"/> on this host (for example <c>index.html?variant=drift</c>).</summary>
    public Uri Address(string relative) => new(BaseAddress, relative);

    /// <summary>Stops serving; safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _files.Dispose();
    }

    // Demo sites change between runs (variants, edits); a browser must never replay a stale copy.
    private static Task NoStore(HttpContext http, RequestDelegate next)
    {
        http.Response.Headers.CacheControl = "no-store";
        return next(http);
    }

    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".mjs"] = "text/javascript";
        return provider;
    }
}
