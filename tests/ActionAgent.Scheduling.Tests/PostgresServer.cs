using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ActionAgent.Scheduling.Tests;

/// <summary>
/// A throwaway PostgreSQL server on loopback for the cluster tests: <c>initdb</c> into a temp folder and <c>pg_ctl
/// start</c> (as the <c>postgres</c> user when the tests run as root), stopped and deleted after the class. Each test
/// gets its own database. Without PostgreSQL's binaries (<c>eng/setup.sh test</c> installs Debian's postgresql), the
/// tests skip and say so.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _bin;
    private string? _folder;
    private int _port;

    /// <summary>Why the tests cannot run here, or null.</summary>
    public string? Missing { get; private set; }

    public async Task InitializeAsync()
    {
        _bin = FindBin();
        if (_bin is null)
        {
            Missing = "PostgreSQL's binaries (initdb, pg_ctl) are not installed: run eng/setup.sh test (Debian package postgresql).";
            return;
        }
        _folder = Path.Combine(Path.GetTempPath(), "aa-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:postgres", _folder]);
        _port = FreePort();
        var data = Path.Combine(_folder, "data");
        await PgAsync(asRoot, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        await PgAsync(asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "start",
            "-o", $"-p {_port} -h 127.0.0.1 -k {_folder} -c fsync=off -c synchronous_commit=off -c max_connections=200"]);
    }

    /// <summary>A new, empty database on the server.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "aa_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(Connection("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return Connection(name);
    }

    private string Connection(string database) => $"Host=127.0.0.1;Port={_port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=20";

    public async Task DisposeAsync()
    {
        if (_bin is null || _folder is null) return;
        await PgAsync(Environment.UserName == "root", "pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], check: false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindBin()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
        return path;
    }

    private Task PgAsync(bool asRoot, string tool, string[] args, bool check = true)
    {
        var exe = Path.Combine(_bin!, tool);
        // PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
        return asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args], check)
            : RunAsync(exe, args, check);
    }

    private static async Task RunAsync(string file, string[] args, bool check = true)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
